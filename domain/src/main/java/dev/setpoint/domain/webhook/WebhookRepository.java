package dev.setpoint.domain.webhook;

import dev.setpoint.domain.application.Application;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhooks and their deliveries. */
public interface WebhookRepository {

  Optional<Application> application(UUID id);

  void store(Webhook webhook);

  void remove(Webhook webhook);

  Optional<Webhook> webhook(UUID id);

  List<Webhook> of(Application application);

  void store(WebhookDelivery delivery);

  Optional<WebhookDelivery> delivery(UUID id);

  /** A webhook's most recent deliveries, newest first. */
  List<WebhookDelivery> recent(Webhook webhook, int limit);

  /**
   * Ids of pending deliveries due at {@code now}, oldest first: those whose webhook's signing
   * secret is wrapped by one of {@code keyIds} (this server can sign them), and those due since
   * {@code overdue} whatever wraps their secret (no server with the key took them).
   */
  List<UUID> due(Instant now, int limit, List<String> keyIds, Instant overdue);

  /**
   * Claims a due delivery for one attempt by moving its next attempt to {@code until}; true when
   * this caller got it (another server may have claimed it first).
   */
  boolean claim(UUID id, Instant dueAt, Instant until);

  /**
   * Up to {@code limit} webhooks whose signing secret is wrapped by a key other than {@code keyId}.
   */
  List<Webhook> secretsWrappedByOtherThan(String keyId, int limit);

  long countSecretsWrappedByOtherThan(String keyId);

  /** Ids of the master keys wrapping at least one signing secret. */
  List<String> secretKeyIdsInUse();
}
