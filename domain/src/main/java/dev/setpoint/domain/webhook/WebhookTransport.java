package dev.setpoint.domain.webhook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts one delivery: resolves the target's host, checks every address it resolves to against
 * {@link WebhookTargets}, then connects to a checked address (the host name still goes into the
 * {@code Host} header and TLS, so certificates are verified as usual). Apache HttpClient does this
 * where the JDK's client cannot choose the address; no redirect is followed and no connection kept,
 * so every attempt is checked afresh. An attempt never outlasts the timeout: it is cancelled then.
 */
final class WebhookTransport implements AutoCloseable {

  private final WebhookTargets targets;
  private final Duration timeout;
  private final ScheduledExecutorService deadlines;
  private final CloseableHttpClient http;

  WebhookTransport(WebhookTargets targets, Duration timeout, ScheduledExecutorService deadlines) {
    this.targets = targets;
    this.timeout = timeout;
    this.deadlines = deadlines;
    Timeout limit = Timeout.of(timeout);
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    // never used for a pinned host; a second line should one slip through
                    .setDnsResolver(new CheckingResolver(targets))
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(limit)
                            .setSocketTimeout(limit)
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom().setResponseTimeout(limit).setRedirectsEnabled(false).build())
            .setConnectionReuseStrategy((request, response, context) -> false)
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
  }

  /** POSTs {@code body} with {@code headers} to {@code url}; how it went, as an outcome class. */
  DeliveryOutcome post(URI url, Map<String, String> headers, String body) {
    String host = WebhookTargets.host(url);
    if (host == null || host.isEmpty()) {
      return DeliveryOutcome.CONNECTION_FAILED;
    }
    List<InetAddress> addresses;
    try {
      addresses = targets.checkedAddresses(host);
    } catch (RefusedTarget e) {
      return DeliveryOutcome.REFUSED_TARGET;
    } catch (UnknownHostException e) {
      return DeliveryOutcome.CONNECTION_FAILED;
    }
    DeliveryOutcome outcome = DeliveryOutcome.CONNECTION_FAILED;
    for (InetAddress address : addresses) {
      outcome = postTo(address, host.replaceAll("^\\[|]$", ""), url, headers, body);
      if (outcome != DeliveryOutcome.CONNECTION_FAILED) {
        break;
      }
    }
    return outcome;
  }

  private DeliveryOutcome postTo(
      InetAddress address, String name, URI url, Map<String, String> headers, String body) {
    HttpHost pinned = new HttpHost(url.getScheme(), address, name, url.getPort());
    HttpPost request = new HttpPost(url);
    headers.forEach(request::setHeader);
    request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
    AtomicBoolean late = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> {
              late.set(true);
              request.cancel();
            },
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      return http.execute(
          pinned, request, response -> DeliveryOutcome.answered(response.getCode()));
    } catch (RefusedTarget e) {
      return DeliveryOutcome.REFUSED_TARGET;
    } catch (ConnectException e) {
      return late.get() ? DeliveryOutcome.TIMEOUT : DeliveryOutcome.CONNECTION_FAILED;
    } catch (InterruptedIOException e) {
      return DeliveryOutcome.TIMEOUT;
    } catch (IOException | IllegalArgumentException e) {
      return late.get() ? DeliveryOutcome.TIMEOUT : DeliveryOutcome.CONNECTION_FAILED;
    } finally {
      deadline.cancel(false);
    }
  }

  @Override
  public void close() throws IOException {
    http.close();
  }

  /** The target rule as a resolver: only checked addresses come out of it. */
  private record CheckingResolver(WebhookTargets targets) implements DnsResolver {
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      return targets.checkedAddresses(host).toArray(InetAddress[]::new);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
      return host;
    }
  }
}
