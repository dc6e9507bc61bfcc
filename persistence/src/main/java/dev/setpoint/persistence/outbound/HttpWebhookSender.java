package dev.setpoint.persistence.outbound;

import dev.setpoint.domain.platform.PeriodicTasks;
import dev.setpoint.domain.webhook.DeliveryOutcome;
import dev.setpoint.domain.webhook.WebhookConfig;
import dev.setpoint.domain.webhook.WebhookSender;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
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
 * Posts one delivery with Apache HttpClient, connecting to a checked address (the host name still
 * goes into the {@code Host} header and TLS, so certificates are verified as usual): the JDK's
 * client cannot choose the address. No redirect is followed and no connection kept, so every
 * attempt goes to an address the domain's target rule has just checked. An attempt never outlasts
 * the timeout: it is cancelled then.
 */
@ApplicationScoped
public class HttpWebhookSender implements WebhookSender {

  private static final Logger LOG = Logger.getLogger(HttpWebhookSender.class.getName());

  @Inject WebhookConfig config;

  @Inject PeriodicTasks deadlines;

  private Duration timeout;
  private CloseableHttpClient http;

  @PostConstruct
  void open() {
    timeout = config.timeout();
    Timeout limit = Timeout.of(timeout);
    http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    // never used for a pinned host; a second line should one slip through
                    .setDnsResolver(new NoResolver())
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

  @PreDestroy
  void close() {
    try {
      http.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing the webhook HTTP client failed", e);
    }
  }

  @Override
  public DeliveryOutcome send(CheckedTarget target, SignedDelivery delivery) {
    DeliveryOutcome outcome = DeliveryOutcome.CONNECTION_FAILED;
    for (InetAddress address : target.addresses()) {
      outcome = postTo(address, target, delivery);
      if (outcome != DeliveryOutcome.CONNECTION_FAILED) {
        break;
      }
    }
    return outcome;
  }

  private DeliveryOutcome postTo(
      InetAddress address, CheckedTarget target, SignedDelivery delivery) {
    HttpHost pinned =
        new HttpHost(target.url().getScheme(), address, target.hostName(), target.url().getPort());
    HttpPost request = new HttpPost(target.url());
    delivery.headers().forEach(request::setHeader);
    request.setEntity(new StringEntity(delivery.body(), ContentType.APPLICATION_JSON));
    AtomicBoolean late = new AtomicBoolean();
    Future<?> deadline =
        deadlines.later(
            "cancelling a webhook attempt at its timeout",
            timeout,
            () -> {
              late.set(true);
              request.cancel();
            });
    try {
      return http.execute(
          pinned, request, response -> DeliveryOutcome.answered(response.getCode()));
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

  /** Every connection goes to an address the target rule checked; nothing is looked up here. */
  private static final class NoResolver implements DnsResolver {
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      throw new UnknownHostException(
          host + " is not looked up: deliveries go to checked addresses");
    }

    @Override
    public String resolveCanonicalHostname(String host) {
      return host;
    }
  }
}
