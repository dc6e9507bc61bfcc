package dev.setpoint.domain.access;

import dev.setpoint.api.ApiLimits;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.shared.DeliveryNotices;
import dev.setpoint.domain.shared.Forbidden;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Pages;
import dev.setpoint.domain.shared.Slice;
import dev.setpoint.domain.shared.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** Use cases on service tokens: issue, list, revoke, and check one presented by a client. */
@ApplicationScoped
@Transactional
public class TokenService {

  /** Every token starts with this, so scanners and people recognise a leaked one. */
  public static final String PREFIX = "stp_";

  private static final Pattern SHAPE = Pattern.compile("^stp_[A-Za-z0-9_-]{43}$");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger LOG = Logger.getLogger(TokenService.class.getName());

  /** The outcome of checking a presented token. */
  public enum Status {
    VALID,
    UNKNOWN,
    EXPIRED,
    REVOKED
  }

  /** A presented token's status, and its scope when valid. */
  public record Check(Status status, TokenScope scope, Instant expiresAt) {

    Check(Status status) {
      this(status, null, null);
    }
  }

  /**
   * What a service token may learn about itself (never the token): its name, scope, when it was
   * issued and when it expires ({@code null}: never).
   */
  public record Self(
      UUID id,
      String name,
      String application,
      List<String> environments,
      Instant createdAt,
      Instant expiresAt) {}

  /** A newly issued token: the stored record, and the token itself, shown this once. */
  public record Issued(ServiceToken token, String secret) {}

  private final ServiceTokenRepository tokens;
  private final VisibleTargets targets;
  private final Access access;
  private final AuditTrail audit;
  private final TokenUsage usage;
  private final TokenChecks recent;
  private final DeliveryNotices notices;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected TokenService() {
    this(null, null, null, null, null, null, null, null);
  }

  @Inject
  public TokenService(
      ServiceTokenRepository tokens,
      VisibleTargets targets,
      Access access,
      TokenUsage usage,
      TokenChecks recent,
      DeliveryNotices notices,
      AuditTrail audit,
      Clock clock) {
    this.clock = clock;
    this.tokens = tokens;
    this.targets = targets;
    this.access = access;
    this.audit = audit;
    this.usage = usage;
    this.recent = recent;
    this.notices = notices;
  }

  /**
   * Issues a token for reading {@code app}'s delivered configuration in {@code envs}. Needs the
   * admin role on every environment named (granted on the environment itself for production).
   */
  public Issued issue(String name, String app, List<String> envs, Instant expiresAt) {
    if (name == null || name.isBlank() || name.length() > ApiLimits.MAX_TOKEN_NAME_LENGTH) {
      throw new InvalidValue(
          "name", "must be 1 to " + ApiLimits.MAX_TOKEN_NAME_LENGTH + " characters");
    }
    if (envs == null || envs.isEmpty()) {
      throw new InvalidValue("environments", "must name at least one environment");
    }
    Instant now = clock.instant();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw new InvalidValue("expiresAt", "must be in the future");
    }
    Application application = targets.application(Slug.of("app", app));
    Set<Environment> scope = new LinkedHashSet<>();
    for (String env : envs) {
      Environment environment = targets.environment(application, Slug.of("env", env));
      getAccess().require(Action.MANAGE, environment);
      scope.add(environment);
    }
    String secret = PREFIX + randomPart();
    ServiceToken token =
        new ServiceToken(
            name.strip(),
            application,
            scope,
            hash(secret),
            secret.substring(0, PREFIX.length() + 4),
            expiresAt,
            getAccess().actor(),
            clock.instant());
    tokens.store(token);
    getAudit()
        .success(
            AuditAction.TOKEN_ISSUE,
            AuditTarget.of(application).key("token:" + token.id()),
            "'" + token.name() + "' for " + String.join(", ", envs));
    LOG.info(() -> "Issued service token " + token.id() + " for " + app + " " + envs);
    return new Issued(token, secret);
  }

  /** Tokens of the applications the caller administers (all of them for platform admins). */
  public Slice<ServiceToken> list(PageRequest page) {
    try {
      getUsage().flush();
    } catch (RuntimeException e) {
      LOG.log(java.util.logging.Level.FINE, "Recording token uses failed; listed without them", e);
    }
    Set<UUID> scope = getAccess().administeredApplications().orElse(null);
    Pages.requireUuidCursor(page);
    return Slice.of(tokens.listOf(scope, page), page.limit(), t -> t.id().toString());
  }

  /**
   * The service token making this request, looking itself up (Vault's {@code lookup-self}).
   *
   * @throws Forbidden when the caller is not a service token
   */
  public Self self() {
    Caller caller = getAccess().requireAuthenticated();
    if (caller.kind() != Caller.Kind.SERVICE_TOKEN) {
      throw new Forbidden("Only a service token can look itself up; this caller is a person");
    }
    ServiceToken token =
        tokens
            .token(caller.token().tokenId())
            .orElseThrow(() -> new NotFound("This service token no longer exists"));
    return new Self(
        token.id(),
        token.name(),
        token.application().slug().value(),
        token.environments().stream().map(e -> e.slug().value()).sorted().toList(),
        token.createdAt(),
        token.expiresAt());
  }

  /** Revokes a token at once; revoking a revoked token changes nothing. */
  public ServiceToken revoke(UUID id) {
    getAccess().requireAuthenticated();
    ServiceToken token =
        tokens.token(id).orElseThrow(() -> new NotFound("No service token with id " + id));
    getAccess().require(Action.MANAGE, token.application());
    // as for issuing it: the admin role on every environment it reads (production rule applies)
    token.environments().forEach(e -> getAccess().require(Action.MANAGE, e));
    token.revoke(clock.instant());
    tokens.store(token);
    getAudit()
        .success(
            AuditAction.TOKEN_REVOKE,
            AuditTarget.of(token.application()).key("token:" + token.id()),
            "'" + token.name() + "'");
    // forgotten here at once; other servers forget when their change poll sees these rows
    getRecent().forgetAll();
    token.environments().forEach(e -> getNotices().changed(e.id()));
    LOG.info(() -> "Revoked service token " + id);
    return token;
  }

  /**
   * Checks a presented token against the store (every time: revocation is immediate). A read only:
   * the use is noted in memory and stored in batches by {@link TokenUsage}.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Check check(String presented) {
    if (presented == null || !SHAPE.matcher(presented).matches()) {
      return new Check(Status.UNKNOWN);
    }
    String hash = hash(presented);
    Instant checkedAt = clock.instant();
    Optional<TokenChecks.Valid> known = getRecent().recall(hash, checkedAt);
    if (known.isPresent()) {
      getUsage().used(known.get().scope().tokenId(), checkedAt);
      return new Check(Status.VALID, known.get().scope(), known.get().expiresAt());
    }
    Optional<ServiceToken> found = tokens.findByHash(hash);
    if (found.isEmpty()) {
      return new Check(Status.UNKNOWN);
    }
    ServiceToken token = found.get();
    Instant now = clock.instant();
    if (token.revoked()) {
      return new Check(Status.REVOKED);
    }
    if (token.expiredAt(now)) {
      return new Check(Status.EXPIRED);
    }
    getUsage().used(token.id(), now);
    getRecent().remember(hash, new TokenChecks.Valid(token.scope(), token.expiresAt()));
    return new Check(Status.VALID, token.scope(), token.expiresAt());
  }

  /** Whether the token with this id may still be used (for long-running watches). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean usable(UUID id) {
    Instant now = clock.instant();
    return tokens.token(id).filter(t -> !t.revoked() && !t.expiredAt(now)).isPresent();
  }

  /** The stored form of a token: lower-case hex SHA-256 (also the key of in-memory lookups). */
  public static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String randomPart() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private Access getAccess() {
    return access;
  }

  private TokenUsage getUsage() {
    return usage;
  }

  private TokenChecks getRecent() {
    return recent;
  }

  private DeliveryNotices getNotices() {
    return notices;
  }

  private AuditTrail getAudit() {
    return audit;
  }
}
