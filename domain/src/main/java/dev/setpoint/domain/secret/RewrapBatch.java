package dev.setpoint.domain.secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * One transaction of the master-key rotation: re-wraps the data keys of up to {@code limit}
 * versions (then of the values {@link SealedElsewhere} reports) under the primary key, and
 * re-computes the fingerprints of current versions under it, so reuse detection keeps comparing
 * like with like.
 */
@ApplicationScoped
public class RewrapBatch {

  private static final Logger LOG = Logger.getLogger(RewrapBatch.class.getName());

  private final SecretRepository secrets;
  private final Envelope envelope;
  private final Iterable<SealedElsewhere> others;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected RewrapBatch() {
    this(null, null, List.of(), null);
  }

  /** Secret versions only, for tests and tools without other sealed values. */
  public RewrapBatch(SecretRepository secrets, Envelope envelope, Clock clock) {
    this(secrets, envelope, List.of(), clock);
  }

  @Inject
  public RewrapBatch(
      SecretRepository secrets, Envelope envelope, Instance<SealedElsewhere> others, Clock clock) {
    this(secrets, envelope, (Iterable<SealedElsewhere>) others, clock);
  }

  private RewrapBatch(
      SecretRepository secrets, Envelope envelope, Iterable<SealedElsewhere> others, Clock clock) {
    this.clock = clock;
    this.secrets = secrets;
    this.envelope = envelope;
    this.others = others;
  }

  /** What one batch did: versions moved to the primary key, and versions that could not be read. */
  public record Outcome(int moved, Set<UUID> unreadable) {}

  /**
   * Re-wraps the next batch, passing over {@code skip} (versions already found unreadable). A
   * version whose data key does not unwrap is logged and reported, never allowed to stop the job.
   */
  @Transactional
  public Outcome rewrapNext(int limit, Set<UUID> skip) {
    List<SecretVersion> candidates =
        secrets.wrappedByOtherThan(envelope.primaryKeyId(), limit + skip.size());
    Outcome outcome =
        each(
            candidates,
            limit,
            skip,
            SecretVersion::id,
            this::rewrap,
            (version, e) ->
                "Master key rotation cannot read version "
                    + version.number()
                    + " of secret '"
                    + version.secret().key()
                    + "' in environment '"
                    + version.secret().environment().slug()
                    + "': "
                    + e.getMessage()
                    + "; destroy or rewrite it");
    int moved = outcome.moved();
    Set<UUID> unreadable = new HashSet<>(outcome.unreadable());
    for (SealedElsewhere other : others) {
      if (moved + unreadable.size() >= limit) {
        break;
      }
      Outcome more = other.rewrapNext(limit - moved - unreadable.size(), skip);
      moved += more.moved();
      unreadable.addAll(more.unreadable());
    }
    return new Outcome(moved, unreadable);
  }

  /**
   * Re-wraps up to {@code limit} of {@code candidates} not in {@code skip}; one whose data key does
   * not unwrap is logged with {@code describe}'s sentence (never a value) and reported.
   */
  public static <T> Outcome each(
      List<T> candidates,
      int limit,
      Set<UUID> skip,
      Function<T, UUID> id,
      Consumer<T> rewrap,
      BiFunction<T, Undecryptable, String> describe) {
    int moved = 0;
    Set<UUID> unreadable = new HashSet<>();
    for (T item :
        candidates.stream().filter(c -> !skip.contains(id.apply(c))).limit(limit).toList()) {
      try {
        rewrap.accept(item);
        moved++;
      } catch (Undecryptable e) {
        unreadable.add(id.apply(item));
        LOG.severe(() -> describe.apply(item, e));
      }
    }
    return new Outcome(moved, unreadable);
  }

  private void rewrap(SecretVersion version) {
    Envelope.Sealed sealed = version.sealed();
    byte[] place = version.place();
    if (version.state() == SecretState.CURRENT) {
      byte[] plaintext = envelope.open(sealed, place);
      try {
        byte[] scope =
            version
                .secret()
                .environment()
                .application()
                .id()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        version.refingerprint(envelope.fingerprint(scope, plaintext));
      } finally {
        java.util.Arrays.fill(plaintext, (byte) 0);
      }
    }
    version.reseal(envelope.rewrap(sealed, place), clock.instant());
    secrets.store(version);
  }
}
