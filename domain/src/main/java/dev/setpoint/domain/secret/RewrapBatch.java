package dev.setpoint.domain.secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One transaction of the master-key rotation: re-wraps the data keys of up to {@code limit}
 * versions under the primary key, and re-computes the fingerprints of current versions under it, so
 * reuse detection keeps comparing like with like.
 */
@ApplicationScoped
public class RewrapBatch {

  private static final Logger LOG = Logger.getLogger(RewrapBatch.class.getName());

  private final SecretRepository secrets;
  private final Envelope envelope;

  /** For the CDI container's proxy only. */
  protected RewrapBatch() {
    this(null, null);
  }

  @Inject
  public RewrapBatch(SecretRepository secrets, Envelope envelope) {
    this.secrets = secrets;
    this.envelope = envelope;
  }

  /** What one batch did: versions moved to the primary key, and versions that could not be read. */
  public record Outcome(int moved, Set<UUID> unreadable) {}

  /**
   * Re-wraps the next batch, passing over {@code skip} (versions already found unreadable). A
   * version whose data key does not unwrap is logged and reported, never allowed to stop the job.
   */
  @Transactional
  public Outcome rewrapNext(int limit, Set<UUID> skip) {
    String primary = envelope.primaryKeyId();
    List<SecretVersion> batch =
        secrets.wrappedByOtherThan(primary, limit + skip.size()).stream()
            .filter(v -> !skip.contains(v.id()))
            .limit(limit)
            .toList();
    int moved = 0;
    Set<UUID> unreadable = new HashSet<>();
    for (SecretVersion version : batch) {
      try {
        rewrap(version);
        moved++;
      } catch (Undecryptable e) {
        unreadable.add(version.id());
        LOG.severe(
            () ->
                "Master key rotation cannot read version "
                    + version.number()
                    + " of secret '"
                    + version.secret().key()
                    + "' in environment '"
                    + version.secret().environment().slug()
                    + "': "
                    + e.getMessage()
                    + "; destroy or rewrite it");
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
    version.reseal(envelope.rewrap(sealed, place));
    secrets.store(version);
  }
}
