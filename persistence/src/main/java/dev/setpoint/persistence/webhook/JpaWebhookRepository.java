package dev.setpoint.persistence.webhook;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.webhook.Webhook;
import dev.setpoint.domain.webhook.WebhookDelivery;
import dev.setpoint.domain.webhook.WebhookRepository;
import dev.setpoint.persistence.StoreWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhooks in {@code webhooks}, deliveries in {@code webhook_deliveries}. */
@ApplicationScoped
public class JpaWebhookRepository implements WebhookRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Override
  public Optional<Application> application(UUID id) {
    return id == null ? Optional.empty() : Optional.ofNullable(em.find(Application.class, id));
  }

  @Override
  public void store(Webhook webhook) {
    StoreWrites.store(em, webhook, "Webhook");
  }

  @Override
  public void remove(Webhook webhook) {
    StoreWrites.remove(em, webhook, "Webhook");
  }

  @Override
  public Optional<Webhook> webhook(UUID id) {
    return Optional.ofNullable(em.find(Webhook.class, id));
  }

  @Override
  public List<Webhook> of(Application application) {
    return em.createQuery(
            "select w from Webhook w where w.application = :app order by w.createdAt",
            Webhook.class)
        .setParameter("app", application)
        .getResultList();
  }

  @Override
  public void store(WebhookDelivery delivery) {
    StoreWrites.store(em, delivery, "Webhook delivery");
  }

  @Override
  public Optional<WebhookDelivery> delivery(UUID id) {
    return Optional.ofNullable(em.find(WebhookDelivery.class, id));
  }

  @Override
  public List<WebhookDelivery> recent(Webhook webhook, int limit) {
    return em.createQuery(
            "select d from WebhookDelivery d where d.webhook = :webhook"
                + " order by d.createdAt desc, d.id desc",
            WebhookDelivery.class)
        .setParameter("webhook", webhook)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<UUID> due(Instant now, int limit, List<String> keyIds, Instant overdue) {
    return em.createQuery(
            "select d.id from WebhookDelivery d where d.status = 'pending'"
                + " and d.nextAttemptAt <= :now"
                + " and (d.webhook.secretKeyId in :keyIds or d.nextAttemptAt <= :overdue)"
                + " order by d.nextAttemptAt",
            UUID.class)
        .setParameter("now", now)
        .setParameter("keyIds", keyIds.isEmpty() ? List.of("") : keyIds)
        .setParameter("overdue", overdue)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public boolean claim(UUID id, Instant dueAt, Instant until) {
    return em.createQuery(
                "update WebhookDelivery d set d.nextAttemptAt = :until where d.id = :id"
                    + " and d.status = 'pending' and d.nextAttemptAt <= :now")
            .setParameter("until", until)
            .setParameter("id", id)
            .setParameter("now", dueAt)
            .executeUpdate()
        == 1;
  }

  @Override
  public List<Webhook> secretsWrappedByOtherThan(String keyId, int limit) {
    return em.createQuery(
            "select w from Webhook w where w.secretKeyId <> :keyId order by w.id", Webhook.class)
        .setParameter("keyId", keyId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long countSecretsWrappedByOtherThan(String keyId) {
    return em.createQuery(
            "select count(w) from Webhook w where w.secretKeyId <> :keyId", Long.class)
        .setParameter("keyId", keyId)
        .getSingleResult();
  }

  @Override
  public List<String> secretKeyIdsInUse() {
    return em.createQuery("select distinct w.secretKeyId from Webhook w", String.class)
        .getResultList();
  }
}
