package dev.setpoint.domain.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How webhooks are sent and where they may go; every value can be overridden by the environment.
 */
@ApplicationScoped
public class WebhookConfig {

  /** How often each server looks for due deliveries. */
  @Inject
  @ConfigProperty(name = "setpoint.webhooks.poll-millis", defaultValue = "1000")
  long pollMillis;

  /** The longest one delivery attempt may take, connecting included. */
  @Inject
  @ConfigProperty(name = "setpoint.webhooks.timeout-seconds", defaultValue = "10")
  long timeoutSeconds;

  @Inject
  @ConfigProperty(name = "setpoint.webhooks.max-attempts", defaultValue = "6")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "setpoint.webhooks.retry-base-seconds", defaultValue = "10")
  long retryBaseSeconds;

  /**
   * Address blocks (CIDR) and host names webhooks may reach although the target rule refuses them
   * (loopback, private, link-local, …); comma-separated, empty by default.
   */
  @Inject
  @ConfigProperty(name = WebhookTargets.ALLOW_KEY)
  Optional<String> allowedTargets;

  private volatile WebhookTargets targets;

  public Duration poll() {
    return Duration.ofMillis(Math.max(50, pollMillis));
  }

  public Duration timeout() {
    return Duration.ofSeconds(Math.max(1, timeoutSeconds));
  }

  public int maxAttempts() {
    return Math.max(1, maxAttempts);
  }

  public Duration retryBase() {
    return Duration.ofSeconds(Math.max(1, retryBaseSeconds));
  }

  /**
   * The target rule with the operator's allow-list.
   *
   * @throws IllegalArgumentException naming an allow-list entry that is no block or host name
   */
  public WebhookTargets targets() {
    WebhookTargets rule = targets;
    if (rule == null) {
      rule = new WebhookTargets(allowedTargets.orElse(""));
      targets = rule;
    }
    return rule;
  }
}
