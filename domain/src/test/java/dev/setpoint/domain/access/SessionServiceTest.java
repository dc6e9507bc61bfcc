package dev.setpoint.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Unauthenticated;
import dev.setpoint.domain.testing.InMemoryRepositories;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Console sessions: sign-in, the idle and absolute ends (the clock is moved), sign-out. */
class SessionServiceTest {

  private InMemoryRepositories store;
  private final Sessions sessions = new Sessions();
  private final Users userStore = new Users();
  private SessionUsage usage;
  private SessionService service;
  private UserService users;
  private final String password = "pw-" + UUID.randomUUID();
  private final Pending pending = new Pending();
  private ProviderSignIn signIns;
  private final java.util.concurrent.atomic.AtomicInteger verifications =
      new java.util.concurrent.atomic.AtomicInteger();

  @BeforeEach
  void setUp() {
    store = new InMemoryRepositories();
    PasswordHasher hasher =
        new PasswordHasher() {
          @Override
          public String hash(char[] p) {
            return "test:" + new String(p);
          }

          @Override
          public boolean verify(char[] p, String encoded) {
            verifications.incrementAndGet();
            return encoded.equals(hash(p));
          }
        };
    users =
        new UserService(
            userStore,
            store,
            hasher,
            store.access(),
            store.auditTrail(),
            sessions,
            new AccessConfig(java.util.Set.of()),
            store.clock);
    users.create("alice", password.toCharArray());
    SessionConfig config = new SessionConfig(Duration.ofMinutes(30), Duration.ofHours(12));
    SessionHousekeeping housekeeping = new SessionHousekeeping();
    housekeeping.sessions = sessions;
    usage = new SessionUsage();
    usage.store = housekeeping;
    usage.config = config;
    service =
        new SessionService(
            sessions,
            users,
            usage,
            config,
            new AccessConfig(java.util.Set.of()),
            store.auditTrail(),
            store.access(),
            store.clock);
    signIns = new ProviderSignIn(pending, service, store.auditTrail(), store.clock);
  }

  private static Caller fromProvider(String name, String... groups) {
    return Caller.fromIdentityProvider(name, java.util.Set.of(groups)).orElseThrow();
  }

  private static ProviderSignIn.Failure failureOf(Runnable step) {
    return assertThrows(ProviderSignIn.Refused.class, step::run).failure();
  }

  @Test
  void aProviderSignInStartsASessionForTheProvidersPersonWithTheirGroups() {
    ProviderSignIn.Redirect redirect = signIns.begin("http://127.0.0.1:1/cb");
    assertEquals(ProviderSignIn.challenge(redirect.codeVerifier()), redirect.codeChallenge());
    assertFalse(redirect.toString().contains(redirect.state()), "nothing of it in a log line");
    ProviderSignIn.Claim claim = signIns.claim(redirect.state(), redirect.codeVerifier());
    assertEquals("http://127.0.0.1:1/cb", claim.redirectUri());

    SessionService.Started started =
        signIns.finish(claim, redirect.nonce(), fromProvider("ada", "ops", "dev"));
    SessionService.Active active = service.check(started.id()).orElseThrow();
    assertEquals("oidc:ada", active.caller().name());
    assertEquals(java.util.Set.of("ops", "dev"), active.caller().groups());
    assertFalse(active.caller().builtIn(), "never the built-in user of the same name");
    assertEquals(ConsoleSession.OPENID_CONNECT, active.session().method());
  }

  @Test
  void aStateIsTakenOnceByTheBrowserThatStartedItWithinItsLifetime() {
    ProviderSignIn.Redirect replayed = signIns.begin("http://127.0.0.1:1/cb");
    signIns.claim(replayed.state(), replayed.codeVerifier());
    assertEquals(
        ProviderSignIn.Failure.STATE,
        failureOf(() -> signIns.claim(replayed.state(), replayed.codeVerifier())));

    ProviderSignIn.Redirect other = signIns.begin("http://127.0.0.1:1/cb");
    assertEquals(
        ProviderSignIn.Failure.STATE,
        failureOf(() -> signIns.claim(other.state(), replayed.codeVerifier())),
        "another browser's verifier");
    assertEquals(
        ProviderSignIn.Failure.STATE,
        failureOf(() -> signIns.claim(other.state(), other.codeVerifier())),
        "a refused claim spends the state too");

    ProviderSignIn.Redirect slow = signIns.begin("http://127.0.0.1:1/cb");
    store.clock.advance(ProviderSignIn.LIFETIME.plusSeconds(1));
    assertEquals(
        ProviderSignIn.Failure.STATE,
        failureOf(() -> signIns.claim(slow.state(), slow.codeVerifier())));
    assertEquals(
        ProviderSignIn.Failure.STATE, failureOf(() -> signIns.claim("unknown", "verifier")));
    assertEquals(ProviderSignIn.Failure.STATE, failureOf(() -> signIns.claim(null, null)));
    assertTrue(pending.all.isEmpty(), "expired and taken sign-ins are gone");
  }

  @Test
  void aSessionStartsOnlyForTheNonceOfTheClaimAndAPersonOfTheProviderOnce() {
    ProviderSignIn.Redirect redirect = signIns.begin("http://127.0.0.1:1/cb");
    ProviderSignIn.Claim claim = signIns.claim(redirect.state(), redirect.codeVerifier());
    assertEquals(
        ProviderSignIn.Failure.NONCE,
        failureOf(() -> signIns.finish(claim, "another-nonce", fromProvider("ada"))));
    assertEquals(
        ProviderSignIn.Failure.STATE,
        failureOf(() -> signIns.finish(claim, redirect.nonce(), fromProvider("ada"))),
        "a claim is finished once, even after a refusal");

    ProviderSignIn.Redirect second = signIns.begin("http://127.0.0.1:1/cb");
    ProviderSignIn.Claim builtIn = signIns.claim(second.state(), second.codeVerifier());
    assertEquals(
        ProviderSignIn.Failure.IDENTITY,
        failureOf(() -> signIns.finish(builtIn, second.nonce(), Caller.builtInUser("admin"))));
    ProviderSignIn.Redirect third = signIns.begin("http://127.0.0.1:1/cb");
    ProviderSignIn.Claim longName = signIns.claim(third.state(), third.codeVerifier());
    assertEquals(
        ProviderSignIn.Failure.IDENTITY,
        failureOf(() -> signIns.finish(longName, third.nonce(), fromProvider("n".repeat(60)))),
        "a session holds names of up to 59 characters from the provider");
    assertTrue(sessions.all.isEmpty(), "no session from any of them");
    assertThrows(Unauthenticated.class, () -> service.startVerified(null));
  }

  /** Pending provider sign-ins, in memory. */
  static final class Pending implements PendingSignInRepository {
    final List<PendingSignIn> all = new ArrayList<>();

    @Override
    public void store(PendingSignIn signIn) {
      all.add(signIn);
    }

    @Override
    public Optional<PendingSignIn> take(String stateHash) {
      Optional<PendingSignIn> found =
          all.stream().filter(p -> p.stateHash().equals(stateHash)).findFirst();
      found.ifPresent(all::remove);
      return found;
    }

    @Override
    public int removeExpired(Instant now) {
      int before = all.size();
      all.removeIf(p -> p.expiredAt(now));
      return before - all.size();
    }
  }

  @Test
  void aSignInStartsASessionThatSignsInTheUserWithOneCsrfTokenForItsLife() {
    SessionService.Started started = service.start("alice", password.toCharArray());
    assertTrue(started.id().matches("[A-Za-z0-9_-]{43}"), "256 random bits, base64url");
    assertNotEquals(started.id(), sessions.all.get(0).idHash(), "only the hash is stored");
    assertEquals(SessionService.hash(started.id()), sessions.all.get(0).idHash());

    SessionService.Active active = service.check(started.id()).orElseThrow();
    assertEquals(Caller.builtInUser("alice"), active.caller());
    assertEquals(started.csrfToken(), active.csrfToken());
    store.clock.advance(Duration.ofMinutes(10));
    assertEquals(started.csrfToken(), service.check(started.id()).orElseThrow().csrfToken());
    assertFalse(started.csrfToken().contains(started.id()));
    assertTrue(audited("session.start"));
  }

  @Test
  void wrongCredentialsAreRefusedAlikeAndStartNothing() {
    Unauthenticated wrong =
        assertThrows(
            Unauthenticated.class, () -> service.start("alice", ("x" + password).toCharArray()));
    Unauthenticated unknown =
        assertThrows(Unauthenticated.class, () -> service.start("bob", password.toCharArray()));
    assertEquals(wrong.getMessage(), unknown.getMessage());
    assertTrue(sessions.all.isEmpty());
  }

  @Test
  void aSessionUnusedForTheIdleTimeoutEnds() {
    String id = service.start("alice", password.toCharArray()).id();
    Instant start = store.clock.instant();
    store.clock.advance(Duration.ofMinutes(29));
    assertTrue(service.check(id).isPresent(), "used at 29 minutes");
    store.clock.advance(Duration.ofMinutes(29));
    assertTrue(service.check(id).isPresent(), "this server counts its unwritten use");
    usage.run();
    assertTrue(
        sessions.all.get(0).lastSeenAt().isAfter(start.plus(Duration.ofMinutes(57))),
        "the use is written");
    store.clock.advance(Duration.ofMinutes(30));
    assertEquals(Optional.empty(), service.check(id));
  }

  @Test
  void aSessionInUseEndsAtItsAbsoluteEnd() {
    String id = service.start("alice", password.toCharArray()).id();
    Instant end = store.clock.instant().plus(Duration.ofHours(12));
    while (store.clock.instant().plus(Duration.ofMinutes(20)).isBefore(end)) {
      store.clock.advance(Duration.ofMinutes(20));
      assertTrue(service.check(id).isPresent(), "in use at " + store.clock.instant());
      usage.run();
    }
    store.clock.advance(Duration.between(store.clock.instant(), end));
    assertEquals(Optional.empty(), service.check(id));
  }

  @Test
  void signingOutEndsTheSessionAndPruningRemovesEndedOnes() {
    String id = service.start("alice", password.toCharArray()).id();
    String other = service.start("alice", password.toCharArray()).id();
    assertTrue(service.end(id));
    assertFalse(service.end(id), "already ended");
    assertEquals(Optional.empty(), service.check(id));
    assertTrue(service.check(other).isPresent());
    assertTrue(audited("session.end"));

    store.clock.advance(Duration.ofHours(1));
    SessionHousekeeping housekeeping = new SessionHousekeeping();
    housekeeping.sessions = sessions;
    housekeeping.prune(store.clock.instant());
    assertTrue(sessions.all.isEmpty(), "idle for an hour: removed");
  }

  @Test
  void aCorrectPasswordIsHashedOnceWhileRememberedAndAChangeOrRemovalCountsAtOnce() {
    int before = verifications.get();
    assertTrue(users.authenticate("alice", password.toCharArray()).isPresent());
    assertTrue(users.authenticate("alice", password.toCharArray()).isPresent());
    assertEquals(before + 1, verifications.get(), "the second sign-in used the remembered check");

    char[] wrong = ("x" + password).toCharArray();
    assertTrue(users.authenticate("alice", wrong).isEmpty());
    assertTrue(users.authenticate("alice", wrong).isEmpty());
    assertEquals(before + 3, verifications.get(), "a wrong password is hashed every time");

    users.changePassword("alice", ("new-" + password).toCharArray());
    assertTrue(
        users.authenticate("alice", password.toCharArray()).isEmpty(),
        "the old password stops working at once, though it was remembered");
    assertTrue(users.authenticate("alice", ("new-" + password).toCharArray()).isPresent());

    users.delete("alice");
    assertTrue(users.authenticate("alice", ("new-" + password).toCharArray()).isEmpty());
  }

  @Test
  void aPasswordChangeOrRemovalEndsEveryOneOfTheUsersSessions() {
    String one = service.start("alice", password.toCharArray()).id();
    String two = service.start("alice", password.toCharArray()).id();
    users.changePassword("alice", ("new-" + password).toCharArray());
    assertEquals(Optional.empty(), service.check(one));
    assertEquals(Optional.empty(), service.check(two));

    String three = service.start("alice", ("new-" + password).toCharArray()).id();
    users.delete("alice");
    assertEquals(Optional.empty(), service.check(three));
  }

  @Test
  void aUserOrAPlatformAdminListsAndRevokesTheUsersSessions() {
    String one = service.start("alice", password.toCharArray()).id();
    service.start("alice", password.toCharArray());
    assertEquals(2, service.of("alice").size());
    store.clock.advance(Duration.ofMinutes(31));
    assertEquals(List.of(), service.of("alice"), "ended ones are not listed");

    String live = service.start("alice", password.toCharArray()).id();
    store.caller = Caller.builtInUser("alice");
    assertEquals(1, service.of("alice").size(), "alice sees her own");
    assertThrows(dev.setpoint.domain.shared.Forbidden.class, () -> service.of("root"));
    assertEquals(3, service.revokeAll("alice"), "every row, ended or not");
    assertEquals(Optional.empty(), service.check(live));
    assertEquals(Optional.empty(), service.check(one));
    store.caller = Caller.user("alice", java.util.Set.of());
    assertThrows(
        dev.setpoint.domain.shared.Forbidden.class,
        () -> service.revokeAll("alice"),
        "a JWT caller named alice is someone else");
    store.caller = Caller.SYSTEM;
    assertThrows(dev.setpoint.domain.shared.NotFound.class, () -> service.of("nobody"));
  }

  @Test
  void signingInBeyondTheLimitEndsTheOldestSession() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      ids.add(service.start("alice", password.toCharArray()).id());
      store.clock.advance(Duration.ofSeconds(1));
    }
    assertEquals(Optional.empty(), service.check(ids.get(0)));
    assertTrue(service.check(ids.get(1)).isPresent());
    assertEquals(20, sessions.all.size());
  }

  @Test
  void theCsrfTokenMatchesOnlyItself() {
    SessionService.Started started = service.start("alice", password.toCharArray());
    SessionService.Active active = service.check(started.id()).orElseThrow();
    assertTrue(SessionService.csrfMatches(active, started.csrfToken()));
    assertFalse(SessionService.csrfMatches(active, null));
    assertFalse(SessionService.csrfMatches(active, ""));
    assertFalse(SessionService.csrfMatches(active, started.csrfToken() + "x"));
    assertFalse(SessionService.csrfMatches(active, started.id()));
  }

  @Test
  void malformedIdsAreNoSessions() {
    for (String id :
        new String[] {null, "", "x", "A".repeat(43), "A".repeat(5000), "ä".repeat(43)}) {
      assertEquals(Optional.empty(), service.check(id));
      assertFalse(service.end(id));
    }
  }

  private boolean audited(String action) {
    return store.auditEvents.events().stream()
        .anyMatch(e -> e.record().action().wireName().equals(action));
  }

  /** The sessions table, in memory. */
  static final class Sessions implements ConsoleSessionRepository {
    final List<ConsoleSession> all = new ArrayList<>();

    @Override
    public Optional<ConsoleSession> findByHash(String idHash) {
      return all.stream().filter(s -> s.idHash().equals(idHash)).findFirst();
    }

    @Override
    public List<ConsoleSession> of(String username) {
      return all.stream()
          .filter(s -> s.username().equals(username))
          .sorted(Comparator.comparing(ConsoleSession::createdAt))
          .toList();
    }

    @Override
    public void store(ConsoleSession session) {
      all.add(session);
    }

    @Override
    public boolean removeByHash(String idHash) {
      return all.removeIf(s -> s.idHash().equals(idHash));
    }

    @Override
    public int removeAllOf(String username) {
      int before = all.size();
      all.removeIf(s -> s.username().equals(username));
      return before - all.size();
    }

    @Override
    public int removeEnded(Instant now) {
      int before = all.size();
      all.removeIf(s -> s.endedAt(now, s.lastSeenAt()));
      return before - all.size();
    }
  }

  /** The user store, in memory. */
  static final class Users implements UserRepository {
    private final List<User> all = new ArrayList<>();

    @Override
    public Optional<User> find(String username) {
      return all.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    @Override
    public List<User> list(PageRequest page) {
      return List.copyOf(all);
    }

    @Override
    public void store(User user) {
      if (!all.contains(user)) {
        all.add(user);
      }
    }

    @Override
    public void remove(User user) {
      all.remove(user);
    }
  }
}
