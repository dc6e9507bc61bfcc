package dev.setpoint.domain.access;

import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.Unauthenticated;
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
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Use cases on console sessions: sign in with a password once, then be known by the session until
 * signing out, the idle timeout or the absolute end. The password hash is checked here, at sign-in,
 * never per request. A session is a random 256-bit id the browser keeps in a cookie; the store
 * holds its SHA-256 only, and every request reads the row, so ending a session ends it on every
 * server at once.
 */
@ApplicationScoped
@Transactional
public class SessionService {

  private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{43}$");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger LOG = Logger.getLogger(SessionService.class.getName());

  /** A new session: the stored record, its id (for the cookie, never stored) and CSRF token. */
  public record Started(ConsoleSession session, String id, String csrfToken) {

    @Override
    public String toString() {
      return "Started[" + session.username() + "]";
    }
  }

  /** A live session presented with a request: its person and what the request must match. */
  public record Active(Caller caller, ConsoleSession session, String csrfToken, Instant endsAt) {

    @Override
    public String toString() {
      return "Active[" + caller.name() + "]";
    }
  }

  private final ConsoleSessionRepository sessions;
  private final UserService users;
  private final SessionUsage usage;
  private final SessionConfig config;
  private final AccessConfig access;
  private final AuditTrail audit;
  private final Access decisions;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected SessionService() {
    this(null, null, null, null, null, null, null, null);
  }

  @Inject
  public SessionService(
      ConsoleSessionRepository sessions,
      UserService users,
      SessionUsage usage,
      SessionConfig config,
      AccessConfig access,
      AuditTrail audit,
      Access decisions,
      Clock clock) {
    this.decisions = decisions;
    this.sessions = sessions;
    this.users = users;
    this.usage = usage;
    this.config = config;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Signs a built-in user in: checks the password (as long for an unknown name as for a wrong
   * password) and starts a session. Refused credentials are audited and answered as {@link
   * Unauthenticated}, the same for an unknown user as for a wrong password.
   */
  public Started start(String username, char[] password) {
    if (!getAccess().basicEnabled()) {
      throw new Unauthenticated(
          "Signing in with a password is off on this server (setpoint.auth.basic.enabled)");
    }
    Optional<Caller> caller = getUsers().authenticate(username, password);
    if (caller.isEmpty()) {
      getAudit()
          .denied(
              AuditAction.SESSION_START,
              AuditTarget.PLATFORM,
              "a user name and password that are not valid");
      throw new Unauthenticated("The user name or the password is not valid");
    }
    return open(caller.get(), "console");
  }

  /**
   * Starts a session for a person the OpenID Connect provider vouched for in a sign-in this server
   * started ({@link ProviderSignIn#finish} makes the proof, once).
   */
  public Started startVerified(ProviderSignIn.Verified verified) {
    Caller caller = verified == null ? null : verified.take();
    if (caller == null) {
      throw new Unauthenticated("No sign-in through the identity provider vouches for this person");
    }
    return open(caller, "console, OpenID Connect");
  }

  /**
   * Starts a session for a person whose identity was proven already: a built-in user's password, or
   * the provider's signed id token; audited as {@code session.start} with {@code how}.
   */
  private Started open(Caller caller, String how) {
    String name = caller.name();
    endOldestBeyondLimit(name);
    String id = randomId();
    ConsoleSession session =
        new ConsoleSession(
            hash(id), caller, clock.instant(), getConfig().idleTimeout(), getConfig().maxAge());
    getSessions().store(session);
    getAudit().success(AuditAction.SESSION_START, AuditTarget.PLATFORM.key(name), how);
    LOG.info(() -> "Console session started for '" + name + "' (" + how + ")");
    return new Started(session, id, csrfToken(id));
  }

  /**
   * The live session a request presents, noting the use (in memory: written in batches by {@link
   * SessionUsage}); empty when the id is unknown, ended or has timed out. A read only, in a
   * transaction of its own like {@link UserService#authenticate}: read without one, the pool may
   * re-enlist the entity manager's connection in a local transaction that is already completing
   * (J2CA0026E after a database restart).
   */
  @Transactional
  public Optional<Active> check(String presentedId) {
    if (presentedId == null || !SHAPE.matcher(presentedId).matches()) {
      return Optional.empty();
    }
    String hash = hash(presentedId);
    Optional<ConsoleSession> found = getSessions().findByHash(hash);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ConsoleSession session = found.get();
    Instant now = clock.instant();
    if (session.endedAt(now, lastUse(session))) {
      return Optional.empty();
    }
    getUsage().used(hash, now);
    return Optional.of(
        new Active(session.caller(), session, csrfToken(presentedId), session.endsAt(now)));
  }

  /** Signs out: ends the session with this id on every server; false when it had ended already. */
  public boolean end(String presentedId) {
    if (presentedId == null || !SHAPE.matcher(presentedId).matches()) {
      return false;
    }
    Optional<ConsoleSession> found = getSessions().findByHash(hash(presentedId));
    if (found.isEmpty() || !getSessions().removeByHash(hash(presentedId))) {
      return false;
    }
    String name = found.get().username();
    getAudit().success(AuditAction.SESSION_END, AuditTarget.PLATFORM.key(name), "signed out");
    LOG.info(() -> "Console session of '" + name + "' ended: signed out");
    return true;
  }

  /** The user's live sessions, oldest first: for the user themselves, or a platform admin. */
  @Transactional
  public List<ConsoleSession> of(String username) {
    requireSelfOrPlatformAdmin(username);
    Instant now = clock.instant();
    return getSessions().of(username).stream().filter(s -> !s.endedAt(now, lastUse(s))).toList();
  }

  /**
   * Ends every session of the user, on every server at once: the user themselves (signing out
   * everywhere), or a platform admin; how many there were.
   */
  public int revokeAll(String username) {
    requireSelfOrPlatformAdmin(username);
    int ended = getSessions().removeAllOf(username);
    String by = getDecisions().actor();
    getAudit()
        .success(
            AuditAction.SESSION_END,
            AuditTarget.PLATFORM.key(username),
            ended + (ended == 1 ? " session" : " sessions") + " ended: revoked by " + by);
    LOG.info(() -> "Console sessions of '" + username + "' revoked by " + by);
    return ended;
  }

  private void requireSelfOrPlatformAdmin(String username) {
    Caller caller = getDecisions().requireAuthenticated();
    // a JWT caller with the same name is someone else: only a built-in sign-in is "self"
    boolean self = caller.builtIn() && caller.name().equals(username);
    if (!self) {
      getDecisions().requirePlatformAdmin();
    }
    if (username == null || !getUsers().exists(username)) {
      throw new NotFound("No user named '" + username + "'");
    }
  }

  /** The session's last use: the stored one, or this server's newer one not written yet. */
  private Instant lastUse(ConsoleSession session) {
    return getUsage()
        .unwritten(session.idHash())
        .filter(at -> at.isAfter(session.lastSeenAt()))
        .orElse(session.lastSeenAt());
  }

  /**
   * The CSRF token of the session with this id: a one-way function of the id, so it is the same on
   * every server for the session's life, needs no storage, and tells nothing about the id.
   */
  public static String csrfToken(String id) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("setpoint-csrf:" + id).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Whether {@code presented} is the session's CSRF token (in constant time). */
  public static boolean csrfMatches(Active session, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            session.csrfToken().getBytes(StandardCharsets.US_ASCII),
            presented.getBytes(StandardCharsets.UTF_8));
  }

  private void endOldestBeyondLimit(String username) {
    List<ConsoleSession> open = getSessions().of(username);
    int beyond = open.size() - getConfig().maxPerUser() + 1;
    for (int i = 0; i < beyond; i++) {
      getSessions().removeByHash(open.get(i).idHash());
    }
  }

  static String hash(String id) {
    return TokenService.hash(id);
  }

  /** 256 random bits, base64url without padding (43 characters). */
  static String randomId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private ConsoleSessionRepository getSessions() {
    return sessions;
  }

  private UserService getUsers() {
    return users;
  }

  private SessionUsage getUsage() {
    return usage;
  }

  private SessionConfig getConfig() {
    return config;
  }

  private AccessConfig getAccess() {
    return access;
  }

  private Access getDecisions() {
    return decisions;
  }

  private AuditTrail getAudit() {
    return audit;
  }
}
