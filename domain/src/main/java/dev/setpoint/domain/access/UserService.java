package dev.setpoint.domain.access;

import dev.setpoint.api.ApiLimits;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.Forbidden;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** Use cases on the built-in user store: people who sign in with HTTP Basic. */
@ApplicationScoped
@Transactional
public class UserService {

  /** The user the first start creates, with a platform-wide admin binding. */
  public static final String ADMIN = "admin";

  /** The shortest password accepted. */
  public static final int MIN_PASSWORD = ApiLimits.MIN_PASSWORD_LENGTH;

  private static final int MAX_PASSWORD = ApiLimits.MAX_PASSWORD_LENGTH;
  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9._-]{1,63}$");
  private static final Logger LOG = Logger.getLogger(UserService.class.getName());

  private final UserRepository users;
  private final RoleBindingRepository bindings;
  private final PasswordHasher hasher;
  private final Access access;
  private final AuditTrail audit;
  private final ConsoleSessionRepository sessions;
  private final Clock clock;
  private final VerifiedPasswords verified;
  private volatile String decoy;

  /** For the CDI container's proxy only. */
  protected UserService() {
    this(null, null, null, null, null, null, null, null);
  }

  @Inject
  public UserService(
      UserRepository users,
      RoleBindingRepository bindings,
      PasswordHasher hasher,
      Access access,
      AuditTrail audit,
      ConsoleSessionRepository sessions,
      AccessConfig config,
      Clock clock) {
    this.verified =
        new VerifiedPasswords(config == null ? Duration.ZERO : config.passwordCacheTtl());
    this.sessions = sessions;
    this.clock = clock;
    this.users = users;
    this.bindings = bindings;
    this.hasher = hasher;
    this.access = access;
    this.audit = audit;
  }

  /**
   * Creates {@code admin} with a platform-wide admin binding when it does not exist yet.
   *
   * @return whether it was created (so the caller knows whether its password was used)
   */
  public boolean bootstrapAdmin(char[] password) {
    if (users.find(ADMIN).isPresent()) {
      return false;
    }
    checkPassword(password);
    users.store(new User(ADMIN, hasher.hash(password), Caller.SYSTEM.name(), clock.instant()));
    RoleBinding platformAdmin =
        new RoleBinding(ADMIN, Role.ADMIN, null, null, Caller.SYSTEM.name(), clock.instant());
    if (!bindings.exists(platformAdmin)) {
      bindings.store(platformAdmin);
    }
    getAudit()
        .success(
            AuditAction.USER_BOOTSTRAP, AuditTarget.PLATFORM.key(ADMIN), "admin on the platform");
    LOG.info("Created the user 'admin' with the admin role on the whole platform");
    return true;
  }

  /**
   * Whether a user with this name exists (for the bootstrap, which runs as Setpoint). In a
   * transaction of its own: the bootstrap runs on a managed thread where a read without one leaves
   * the connection to be closed after its local transaction ended, which the pool logs as an error.
   */
  @Transactional
  public boolean exists(String username) {
    return users.find(username).isPresent();
  }

  /**
   * The caller these credentials identify, or empty. An unknown name costs as much time as a wrong
   * password, so response times do not tell which names exist. In a transaction of its own, like
   * {@link #exists}: read without one, the entity manager is closed when the container's local
   * transaction ends, and the pool then re-enlists the connection in a transaction that is already
   * completing (J2CA0026E, seen on Basic sign-ins right after a database restart).
   */
  @Transactional
  @org.eclipse.microprofile.metrics.annotation.Counted(
      name = "setpoint.auth.password_checks",
      absolute = true,
      description =
          "Sign-ins checked against a password hash (PBKDF2); refused budgets never get here.")
  public Optional<Caller> authenticate(String username, char[] password) {
    Optional<User> user = username == null ? Optional.empty() : users.find(username);
    if (user.isEmpty()) {
      getHasher().verify(password, decoyHash());
      return Optional.empty();
    }
    String stored = user.get().passwordHash();
    if (!getVerified().matches(username, password, stored)) {
      if (!getHasher().verify(password, stored)) {
        return Optional.empty();
      }
      getVerified().remember(username, password, stored);
    }
    return Optional.of(Caller.builtInUser(user.get().username()));
  }

  /** Adds a user; platform admins only. */
  public User create(String username, char[] password) {
    getAccess().requirePlatformAdmin();
    if (username == null || !NAME.matcher(username).matches()) {
      throw new InvalidValue(
          "username", "must match ^[a-z][a-z0-9._-]{1,63}$ (lower case, 2 to 64 characters)");
    }
    checkPassword(password);
    if (users.find(username).isPresent()) {
      throw new Conflict("A user named '" + username + "' already exists");
    }
    User user =
        new User(username, getHasher().hash(password), getAccess().actor(), clock.instant());
    users.store(user);
    getAudit().success(AuditAction.USER_CREATE, AuditTarget.PLATFORM.key(username));
    LOG.info(() -> "User '" + username + "' added by " + getAccess().actor());
    return user;
  }

  public Slice<User> list(PageRequest page) {
    getAccess().requirePlatformAdmin();
    return Slice.of(users.list(page), page.limit(), User::username);
  }

  /** Sets a new password: platform admins for anyone, every user for themselves. */
  public User changePassword(String username, char[] password) {
    Caller caller = getAccess().requireAuthenticated();
    // a JWT caller with the same name is someone else: only a built-in sign-in is "self"
    boolean self = caller.builtIn() && caller.name().equals(username);
    if (!self) {
      getAccess().requirePlatformAdmin();
    }
    User user = require(username);
    checkPassword(password);
    user.changePassword(getHasher().hash(password), clock.instant());
    users.store(user);
    getAudit().success(AuditAction.USER_PASSWORD, AuditTarget.PLATFORM.key(username));
    endSessions(username, "password changed");
    LOG.info(() -> "Password of '" + username + "' changed by " + getAccess().actor());
    return user;
  }

  /** Removes a user; platform admins only, and never the last way in (yourself). */
  public void delete(String username) {
    getAccess().requirePlatformAdmin();
    User user = require(username);
    if (user.username().equals(getAccess().actor())) {
      throw new Forbidden("You cannot remove your own user; ask another admin");
    }
    users.remove(user);
    getAudit().success(AuditAction.USER_DELETE, AuditTarget.PLATFORM.key(username));
    endSessions(username, "user removed");
    LOG.info(() -> "User '" + username + "' removed by " + getAccess().actor());
  }

  /** Ends the user's console sessions, on every server (each request reads its session). */
  private void endSessions(String username, String why) {
    int ended = getSessions().removeAllOf(username);
    if (ended > 0) {
      getAudit()
          .success(
              AuditAction.SESSION_END,
              AuditTarget.PLATFORM.key(username),
              ended + (ended == 1 ? " session" : " sessions") + " ended: " + why);
    }
  }

  private User require(String username) {
    return users.find(username).orElseThrow(() -> new NotFound("No user named '" + username + "'"));
  }

  private static void checkPassword(char[] password) {
    if (password == null || password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
      throw new InvalidValue(
          "password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
    }
    for (char c : password) {
      if (Character.isISOControl(c)) {
        // HTTP Basic could never carry it: such a user could not sign in
        throw new InvalidValue("password", "must not contain control characters");
      }
    }
  }

  private String decoyHash() {
    String hash = decoy;
    if (hash == null) {
      char[] random = java.util.UUID.randomUUID().toString().toCharArray();
      hash = getHasher().hash(random);
      decoy = hash;
    }
    return hash;
  }

  private VerifiedPasswords getVerified() {
    return verified;
  }

  private PasswordHasher getHasher() {
    return hasher;
  }

  private ConsoleSessionRepository getSessions() {
    return sessions;
  }

  private Access getAccess() {
    return access;
  }

  private AuditTrail getAudit() {
    return audit;
  }
}
