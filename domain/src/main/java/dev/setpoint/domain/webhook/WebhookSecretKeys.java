package dev.setpoint.domain.webhook;

import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.secret.RewrapBatch;
import dev.setpoint.domain.secret.SealedElsewhere;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Webhook signing secrets in the master-key rotation: counted in the key status and re-wrapped
 * under the primary key with the secret versions.
 */
@ApplicationScoped
public class WebhookSecretKeys implements SealedElsewhere {

  private final WebhookRepository webhooks;
  private final Envelope envelope;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected WebhookSecretKeys() {
    this(null, null, null);
  }

  @Inject
  public WebhookSecretKeys(WebhookRepository webhooks, Envelope envelope, Clock clock) {
    this.clock = clock;
    this.webhooks = webhooks;
    this.envelope = envelope;
  }

  @Override
  public List<String> keyIdsInUse() {
    return webhooks.secretKeyIdsInUse();
  }

  @Override
  public long countWrappedByOtherThan(String keyId) {
    return webhooks.countSecretsWrappedByOtherThan(keyId);
  }

  @Override
  public RewrapBatch.Outcome rewrapNext(int limit, Set<UUID> skip) {
    return RewrapBatch.each(
        webhooks.secretsWrappedByOtherThan(envelope.primaryKeyId(), limit + skip.size()),
        limit,
        skip,
        Webhook::id,
        webhook -> {
          webhook.reseal(envelope.rewrap(webhook.sealed(), webhook.place()), clock.instant());
          webhooks.store(webhook);
        },
        (webhook, e) ->
            "Master key rotation cannot read the signing secret of webhook "
                + webhook.id()
                + " of application '"
                + webhook.application().slug()
                + "'; remove the webhook and register it again");
  }
}
