package dev.setpoint.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PKCS12 keystore with a self-signed certificate for {@code localhost}, made at test time with
 * the JDK's keytool and a password generated for the run, and the client-side trust in it.
 */
public record TestKeystore(Path path, String password) {

  /** Generates a keystore at {@code path} (replacing any) with a fresh random password. */
  public static TestKeystore generate(Path path) throws IOException, InterruptedException {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Files.deleteIfExists(path);
    ProcessBuilder keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "setpoint",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                path.toString(),
                "-storepass:env",
                "SETPOINT_IT_STOREPASS")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    keytool.environment().put("SETPOINT_IT_STOREPASS", password);
    Process process = keytool.start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool could not generate " + path);
    }
    return new TestKeystore(path, password);
  }

  /** A TLS context that trusts exactly the certificate in a keystore. */
  public static SSLContext trusting(Path keystore, String password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, password.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  /** A TLS context that trusts this keystore's certificate. */
  public SSLContext trust() throws IOException, GeneralSecurityException {
    return trusting(path, password);
  }
}
