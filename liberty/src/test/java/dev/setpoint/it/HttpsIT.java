package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTPS listener of the dev profile, on the keystore Liberty generated for this server when the
 * build created it (its password is in the server's server.env). The prod profile's HTTPS-only
 * listener with a configured keystore is tested in {@code MasterKeyRotationIT}.
 */
class HttpsIT {

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void theApiAnswersOverTlsWithStrictTransportSecurity() throws Exception {
    Optional<SSLContext> trust = TestServer.generatedKeystoreTrust();
    assumeTrue(trust.isPresent(), "this server was given its own server.env without a keystore");

    SetpointClient https = new SetpointClient(TestServer.httpsUrl(), trust.get());
    Reply ping = https.get("/api/v1/system/ping");
    assertEquals(200, ping.status(), ping::toString);
    assertEquals("max-age=31536000; includeSubDomains", ping.header("Strict-Transport-Security"));
    assertEquals("nosniff", ping.header("X-Content-Type-Options"));

    HttpResponse<Void> raw =
        HttpClient.newBuilder()
            .sslContext(trust.get())
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(TestServer.httpsUrl() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
    String protocol = raw.sslSession().orElseThrow().getProtocol();
    assertTrue(protocol.equals("TLSv1.3") || protocol.equals("TLSv1.2"), protocol);
  }

  /**
   * A client offering HTTP/2 (as every browser does over TLS) gets HTTP/1.1: Liberty's HTTP/2
   * writes park executor threads on the peer's flow-control window, and a page of many files at
   * once (the Admin Center) once stopped the whole server that way. Plain HTTP refuses the upgrade
   * too.
   */
  @Test
  void http2IsNotOfferedOnEitherPort() throws Exception {
    Optional<SSLContext> trust = TestServer.generatedKeystoreTrust();
    assumeTrue(trust.isPresent(), "this server was given its own server.env without a keystore");
    HttpClient http2 =
        HttpClient.newBuilder().sslContext(trust.get()).version(HttpClient.Version.HTTP_2).build();
    for (String base : new String[] {TestServer.httpsUrl(), TestServer.baseUrl()}) {
      HttpResponse<String> reply =
          http2.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/system/ping")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, reply.statusCode(), base);
      assertEquals(HttpClient.Version.HTTP_1_1, reply.version(), base);
    }
  }
}
