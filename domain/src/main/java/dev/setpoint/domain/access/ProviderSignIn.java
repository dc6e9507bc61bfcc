package dev.setpoint.domain.access;

import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.shared.Unauthenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Use cases of signing in through the organisation's OpenID Connect provider (authorization code
 * with PKCE): {@link #begin} before the browser is sent to the provider, {@link #claim} when it
 * comes back, {@link #finish} once the web layer has exchanged the code and verified the id token.
 * Each step is open to anyone (it is how a person proves who they are); what makes it safe is
 * decided here: a state is taken once and only by the browser holding the verifier, within {@link
 * #LIFETIME}, and a session starts only for a claimed sign-in whose nonce the id token repeats.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ProviderSignIn.Refused.class)
public class ProviderSignIn {

  /** How long a person may take at the provider before the sign-in must start again. */
  public static final Duration LIFETIME = Duration.ofMinutes(10);

  private static final Logger LOG = Logger.getLogger(ProviderSignIn.class.getName());

  /** Why a sign-in through the provider ended without a session; {@link #code} goes in the URL. */
  public enum Failure {
    /** The state is missing, unknown, expired, used already, or from another browser. */
    STATE("state"),
    /** The provider answered with an error instead of a code (the person declined, say). */
    PROVIDER("provider"),
    /** The token endpoint refused the code or could not be reached. */
    TOKEN("token"),
    /** The id token's signature, issuer, audience or expiry is not valid. */
    ID_TOKEN("id-token"),
    /** The id token does not carry the nonce this sign-in sent. */
    NONCE("nonce"),
    /** The id token names no acceptable person (no name, or control characters). */
    IDENTITY("identity"),
    /** Sign-in through the provider is not configured, or its discovery document is unreachable. */
    UNAVAILABLE("unavailable");

    private final String code;

    Failure(String code) {
      this.code = code;
    }

    /** The short code the sign-in page is given. */
    public String code() {
      return code;
    }
  }

  /** A sign-in through the provider refused for {@link #failure()}. */
  public static final class Refused extends Unauthenticated {

    private final Failure failure;

    public Refused(Failure failure, String message) {
      super(message);
      this.failure = failure;
    }

    public Failure failure() {
      return failure;
    }
  }

  /**
   * What the browser is sent to the provider with: {@code state} and {@code nonce} (in the URL),
   * the PKCE challenge (S256), and the verifier, which only the browser's cookie keeps.
   */
  public record Redirect(String state, String nonce, String codeVerifier, String codeChallenge) {

    @Override
    public String toString() {
      return "Redirect[…]";
    }
  }

  /** A pending sign-in taken by the browser it was started for: the one way to {@link #finish}. */
  public static final class Claim {

    private final PendingSignIn pending;
    private boolean used;

    Claim(PendingSignIn pending) {
      this.pending = pending;
    }

    /** The redirect URI the token request must repeat. */
    public String redirectUri() {
      return pending.redirectUri();
    }
  }

  /**
   * A person the provider vouched for in a sign-in this server started: what {@link
   * SessionService#startVerified} needs, made only by {@link #finish}, good for one session.
   */
  public static final class Verified {

    private final Caller caller;
    private boolean used;

    Verified(Caller caller) {
      this.caller = caller;
    }

    /** The person, once; null when this proof was used already. */
    Caller take() {
      if (used) {
        return null;
      }
      used = true;
      return caller;
    }
  }

  private final PendingSignInRepository pending;
  private final SessionService sessions;
  private final AuditTrail audit;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected ProviderSignIn() {
    this(null, null, null, null);
  }

  @Inject
  public ProviderSignIn(
      PendingSignInRepository pending, SessionService sessions, AuditTrail audit, Clock clock) {
    this.pending = pending;
    this.sessions = sessions;
    this.audit = audit;
    this.clock = clock;
  }

  /** Starts a sign-in that the provider will send back to {@code redirectUri}. */
  public Redirect begin(String redirectUri) {
    Instant now = clock.instant();
    getPending().removeExpired(now);
    String state = SessionService.randomId();
    String nonce = SessionService.randomId();
    String verifier = SessionService.randomId();
    String challenge = challenge(verifier);
    getPending()
        .store(
            new PendingSignIn(
                SessionService.hash(state),
                challenge,
                SessionService.hash(nonce),
                redirectUri,
                now,
                now.plus(LIFETIME)));
    return new Redirect(state, nonce, verifier, challenge);
  }

  /**
   * Takes the pending sign-in of {@code state} (once: a replayed state finds nothing) for the
   * browser whose cookie holds {@code codeVerifier}; refused with {@link Failure#STATE} otherwise.
   */
  public Claim claim(String state, String codeVerifier) {
    if (state == null || state.length() > 64 || state.isBlank()) {
      throw refused(Failure.STATE, "the provider sent no state back");
    }
    Optional<PendingSignIn> taken = getPending().take(SessionService.hash(state));
    if (taken.isEmpty()) {
      throw refused(Failure.STATE, "its state is unknown, or was used already");
    }
    if (taken.get().expiredAt(clock.instant())) {
      throw refused(Failure.STATE, "it took longer than " + LIFETIME.toMinutes() + " minutes");
    }
    if (codeVerifier == null
        || !constantTimeEquals(challenge(codeVerifier), taken.get().codeChallenge())) {
      throw refused(Failure.STATE, "it came back to another browser than the one it started in");
    }
    return new Claim(taken.get());
  }

  /**
   * Starts a console session for {@code caller}, whom the web layer read from an id token it
   * verified, once per claim and only when that token's {@code nonce} is this sign-in's.
   */
  public SessionService.Started finish(Claim claim, String presentedNonce, Caller caller) {
    if (claim == null || claim.used) {
      throw refused(Failure.STATE, "it was finished already");
    }
    claim.used = true;
    if (presentedNonce == null
        || !constantTimeEquals(SessionService.hash(presentedNonce), claim.pending.nonceHash())) {
      throw refused(Failure.NONCE, "the id token does not carry this sign-in's nonce");
    }
    if (caller == null
        || caller.builtIn()
        || !caller.name().startsWith(Caller.IDENTITY_PROVIDER_PREFIX)) {
      throw refused(Failure.IDENTITY, "the id token names no person of the provider");
    }
    if (caller.name().length() > ConsoleSession.MAX_USERNAME) {
      throw refused(
          Failure.IDENTITY,
          "a console session holds names of up to "
              + (ConsoleSession.MAX_USERNAME - Caller.IDENTITY_PROVIDER_PREFIX.length())
              + " characters from the provider");
    }
    return getSessions().startVerified(new Verified(caller));
  }

  /**
   * Records a refusal the web layer found (the provider's error, the token endpoint, the token).
   */
  public void refusedBy(Failure failure, String why) {
    getAudit()
        .denied(AuditAction.SESSION_START, AuditTarget.PLATFORM, "OpenID Connect sign-in: " + why);
    LOG.info(() -> "OpenID Connect sign-in refused (" + failure.code() + "): " + why);
  }

  private Refused refused(Failure failure, String why) {
    refusedBy(failure, why);
    return new Refused(failure, "The sign-in through the identity provider was refused: " + why);
  }

  /** The PKCE S256 challenge of a verifier: base64url(SHA-256(verifier)), without padding. */
  public static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private PendingSignInRepository getPending() {
    return pending;
  }

  private SessionService getSessions() {
    return sessions;
  }

  private AuditTrail getAudit() {
    return audit;
  }
}
