package dev.setpoint.domain.webhook;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.readiness.ReadinessChanged;
import dev.setpoint.domain.readiness.ReadinessFinding;
import dev.setpoint.domain.readiness.ReadinessRule;
import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhooks of an application (admins manage them) and the deliveries they are owed: new and
 * resolved readiness findings, rotation-due notices, release publications and rollout rollbacks,
 * queued in the transaction that caused them and sent by {@link WebhookDispatcher}.
 */
@ApplicationScoped
@Transactional
public class WebhookService {

  /** Signing secrets start with this. */
  public static final String SECRET_PREFIX = "whsec_";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject WebhookRepository webhooks;
  @Inject ApplicationService applications;
  @Inject Envelope envelope;
  @Inject Access access;
  @Inject Clock clock;
  @Inject AuditTrail audit;

  @Inject WebhookConfig config;

  /** A new webhook and its signing secret, shown this once. */
  public record Created(Webhook webhook, String secret) {}

  /** What a dispatcher needs to send one delivery. */
  public record Outgoing(UUID id, String url, String event, String payload, byte[] secret) {}

  public Created create(Slug app, String url) {
    Application application = applications.get(app);
    access.require(Action.MANAGE, application);
    URI target = checkUrl(url);
    Webhook webhook = new Webhook(application, target.toString(), access.actor(), clock.instant());
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    webhook.seal(envelope.seal(secret.getBytes(StandardCharsets.UTF_8), webhook.place()));
    webhooks.store(webhook);
    audit.success(
        AuditAction.WEBHOOK_CREATE,
        AuditTarget.of(application).key("webhook:" + webhook.id()),
        target.getScheme() + "://" + target.getHost());
    return new Created(webhook, secret);
  }

  public List<Webhook> list(Slug app) {
    Application application = applications.get(app);
    access.require(Action.MANAGE, application);
    return webhooks.of(application);
  }

  public void delete(Slug app, UUID id) {
    Webhook webhook = require(app, id);
    webhooks.remove(webhook);
    audit.success(
        AuditAction.WEBHOOK_DELETE,
        AuditTarget.of(webhook.application()).key("webhook:" + webhook.id()),
        null);
  }

  /** A webhook's most recent deliveries (up to {@code limit}), newest first. */
  public List<WebhookDelivery> deliveries(Slug app, UUID id, int limit) {
    Webhook webhook = require(app, id);
    if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
      throw new InvalidValue("limit", "must be between 1 and " + PageRequest.MAX_LIMIT);
    }
    return webhooks.recent(webhook, limit);
  }

  private Webhook require(Slug app, UUID id) {
    Application application = applications.get(app);
    access.require(Action.MANAGE, application);
    return webhooks
        .webhook(id)
        .filter(w -> w.application().id().equals(application.id()))
        .orElseThrow(() -> new NotFound("No webhook with id " + id + " in '" + app + "'"));
  }

  /**
   * An absolute http(s) URL without credentials whose host the target rule allows (checked again,
   * on the resolved addresses, before every send).
   */
  private URI checkUrl(String url) {
    URI uri = null;
    try {
      uri = new URI(url == null ? "" : url.strip());
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    boolean web =
        uri != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
    if (web && uri.getRawUserInfo() == null && url.length() <= 2000) {
      if (WebhookTargets.host(uri) != null && !WebhookTargets.host(uri).isEmpty()) {
        config.targets().checkRegistration(uri);
      }
      if (uri.getHost() != null) {
        return uri;
      }
    }
    throw new InvalidValue(
        "url", "must be an absolute http(s) URL without credentials, at most 2000 characters");
  }

  /** Queues new and resolved findings (and rotation-due notices) in the evaluating transaction. */
  void onReadiness(@Observes ReadinessChanged change) {
    Environment environment = change.environment();
    for (ReadinessFinding finding : change.opened()) {
      enqueue(environment, "finding.opened", finding(finding));
      if (finding.rule() == ReadinessRule.SECRET_ROTATION_OVERDUE) {
        enqueue(environment, "secret.rotation-due", finding(finding));
      }
    }
    for (ReadinessFinding finding : change.resolved()) {
      enqueue(environment, "finding.resolved", finding(finding));
    }
  }

  /** The webhook event of each change-request step. */
  private static final java.util.Map<AuditAction, String> CHANGE_REQUEST_EVENTS =
      java.util.Map.of(
          AuditAction.CHANGE_REQUEST_OPEN, "change_request.opened",
          AuditAction.CHANGE_REQUEST_UPDATE, "change_request.updated",
          AuditAction.CHANGE_REQUEST_APPROVE, "change_request.approved",
          AuditAction.CHANGE_REQUEST_REJECT, "change_request.rejected",
          AuditAction.CHANGE_REQUEST_WITHDRAW, "change_request.withdrawn",
          AuditAction.CHANGE_REQUEST_COMMENT, "change_request.commented",
          AuditAction.CHANGE_REQUEST_APPLY, "change_request.applied",
          AuditAction.CHANGE_REQUEST_STALE, "change_request.stale");

  /** Queues release publications (and rollbacks) and change-request steps in their transaction. */
  void onChange(@Observes AuditTrail.Changed change) {
    String step = CHANGE_REQUEST_EVENTS.get(change.action());
    if (step != null) {
      AuditTarget target = change.target();
      webhooks
          .application(target.applicationId())
          .ifPresent(
              application ->
                  enqueue(
                      application,
                      target.environment(),
                      step,
                      Json.createObjectBuilder().add("changeRequest", target.version())));
      return;
    }
    if (change.action() == AuditAction.ROLLOUT_ROLLBACK
        || change.action() == AuditAction.ROLLOUT_ABORT) {
      rolledBack(change);
      return;
    }
    if (change.action() != AuditAction.RELEASE_PUBLISH
        && change.action() != AuditAction.RELEASE_ROLLBACK) {
      return;
    }
    AuditTarget target = change.target();
    webhooks
        .application(target.applicationId())
        .ifPresent(
            application ->
                enqueue(
                    application,
                    target.environment(),
                    "release.published",
                    Json.createObjectBuilder()
                        .add("release", target.version())
                        .add("rollback", change.action() == AuditAction.RELEASE_ROLLBACK)));
  }

  /** Queues a rollout's rollback (automatic or an abort) with why, in its transaction. */
  private void rolledBack(AuditTrail.Changed change) {
    AuditTarget target = change.target();
    webhooks
        .application(target.applicationId())
        .ifPresent(
            application ->
                enqueue(
                    application,
                    target.environment(),
                    "rollout.rolled-back",
                    Json.createObjectBuilder()
                        .add("release", target.version())
                        .add("aborted", change.action() == AuditAction.ROLLOUT_ABORT)
                        .add("reason", change.detail() == null ? "" : change.detail())));
  }

  private static JsonObjectBuilder finding(ReadinessFinding finding) {
    JsonObjectBuilder data =
        Json.createObjectBuilder()
            .add("rule", finding.rule().id())
            .add("severity", finding.rule().severity().wireName())
            .add("message", finding.rule().message())
            .add("remediation", finding.rule().remediation())
            .add("firstSeenAt", finding.firstSeenAt().toString());
    if (finding.key() != null) {
      data.add("key", finding.key());
    }
    if (finding.resolvedAt() != null) {
      data.add("resolvedAt", finding.resolvedAt().toString());
    }
    return data;
  }

  private void enqueue(Environment environment, String event, JsonObjectBuilder data) {
    enqueue(environment.application(), environment.slug().value(), event, data);
  }

  private void enqueue(
      Application application, String environment, String event, JsonObjectBuilder data) {
    for (Webhook webhook : webhooks.of(application)) {
      JsonObjectBuilder payload =
          Json.createObjectBuilder()
              .add("event", event)
              .add("at", clock.instant().toString())
              .add("application", application.slug().value());
      if (environment != null) {
        payload.add("environment", environment);
      }
      payload.add("data", data.build());
      webhooks.store(
          new WebhookDelivery(webhook, event, payload.build().toString(), clock.instant()));
    }
  }

  /**
   * Ids of pending deliveries due now, oldest first; each must be claimed before it is sent. A
   * server takes those it can sign first; one whose master key no server took it for is taken when
   * overdue, and then fails as {@code signing-key-unavailable}. Without keys, a server sends none.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<UUID> due(int limit) {
    if (!envelope.ready()) {
      return List.of();
    }
    Instant now = clock.instant();
    Duration grace = config.poll().multipliedBy(10).plus(config.timeout());
    return webhooks.due(now, limit, envelope.keyIds(), now.minus(grace));
  }

  /**
   * Claims a due delivery for one attempt, holding it for {@code hold}; false when it is no longer
   * due (another server claimed it, or it is done).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean claim(UUID id, Duration hold) {
    Instant now = clock.instant();
    return webhooks.claim(id, now, now.plus(hold));
  }

  /**
   * The delivery, with its webhook's secret opened, if it is still pending.
   *
   * @throws dev.setpoint.domain.secret.Undecryptable when the secret does not open (its master key
   *     is not loaded, say)
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Outgoing> outgoing(UUID id) {
    return webhooks
        .delivery(id)
        .filter(d -> d.status().equals("pending"))
        .map(
            d ->
                new Outgoing(
                    d.id(),
                    d.webhook().url(),
                    d.event(),
                    d.payload(),
                    envelope.open(d.webhook().sealed(), d.webhook().place())));
  }

  /** Records an attempt's outcome; returns the delivery's status after it. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  String attempted(UUID id, DeliveryOutcome outcome) {
    WebhookDelivery delivery =
        webhooks.delivery(id).orElseThrow(() -> new NotFound("No delivery " + id));
    delivery.attempted(outcome, config.maxAttempts(), config.retryBase(), clock.instant());
    webhooks.store(delivery);
    return delivery.status();
  }
}
