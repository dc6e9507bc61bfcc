package dev.setpoint.web.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verification keys from a JWKS file ({@code mp.jwt.verify.publickey.location=file:/…}), for
 * installations that distribute the provider's keys as a file rather than fetch them. The file is
 * read again whenever its modification time or size changes, so replacing it rotates the keys
 * without a restart; a missing or unreadable file verifies nothing.
 */
final class FileJwksResolver implements VerificationKeyResolver {

  private final Path file;
  private Loaded loaded;

  FileJwksResolver(Path file) {
    this.file = file;
  }

  private record Loaded(long modified, long size, VerificationKeyResolver keys) {}

  @Override
  public java.security.Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nesting)
      throws UnresolvableKeyException {
    return current().resolveKey(jws, nesting);
  }

  private synchronized VerificationKeyResolver current() throws UnresolvableKeyException {
    try {
      BasicFileAttributes seen = Files.readAttributes(file, BasicFileAttributes.class);
      long modified = seen.lastModifiedTime().toMillis();
      if (loaded == null || loaded.modified() != modified || loaded.size() != seen.size()) {
        JsonWebKeySet set = new JsonWebKeySet(Files.readString(file));
        loaded =
            new Loaded(
                modified, seen.size(), new JwksVerificationKeyResolver(set.getJsonWebKeys()));
      }
      return loaded.keys();
    } catch (IOException | JoseException e) {
      loaded = null;
      throw new UnresolvableKeyException(
          "the JWKS file " + file + " cannot be read: " + e.getClass().getSimpleName());
    }
  }
}
