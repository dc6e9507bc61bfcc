package dev.setpoint.domain.secret;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves every stored data key (of secret versions and of the values {@link SealedElsewhere}
 * reports, such as webhook signing secrets) onto the primary master key, in batches, in the
 * background, while reads keep working (both keys stay loaded until the job is done). It is
 * resumable by construction: each run works from a query of what is still wrapped by another key,
 * so a restart simply continues. Afterwards the old key can be removed from the key file.
 */
@ApplicationScoped
public class MasterKeyRotation {

  /** The state of the re-wrap job on this server. */
  public record Progress(
      String state,
      String targetKeyId,
      long total,
      long rewrapped,
      long unreadable,
      Instant startedAt,
      Instant finishedAt,
      String error) {

    static final Progress IDLE = new Progress("idle", null, 0, 0, 0, null, null, null);

    boolean running() {
      return "running".equals(state);
    }

    Progress advance(long moved, long unreadableSoFar) {
      return new Progress(
          state, targetKeyId, total, rewrapped + moved, unreadableSoFar, startedAt, null, null);
    }

    Progress finish(String finalState, String failure, Instant at) {
      return new Progress(
          finalState, targetKeyId, total, rewrapped, unreadable, startedAt, at, failure);
    }
  }

  /** Keys loaded and in use, with the job's progress. */
  public record Status(
      String primaryKeyId,
      List<String> loadedKeyIds,
      List<String> keyIdsInUse,
      long versionsNotOnPrimary,
      Progress rewrap) {}

  private static final Logger LOG = Logger.getLogger(MasterKeyRotation.class.getName());
  private static final int BATCH = 100;

  @Inject SecretRepository secrets;

  @Inject Envelope envelope;

  @Inject RewrapBatch batch;
  @Inject Instance<SealedElsewhere> others;
  @Inject Access access;
  @Inject Clock clock;
  @Inject AuditTrail audit;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.IDLE);

  /** The status, for a platform admin (the health check reads {@link #status()} directly). */
  public Status report() {
    access.requirePlatformAdmin();
    return status();
  }

  public Status status() {
    if (!envelope.ready()) {
      throw new KeysUnavailable("Secrets are unavailable: " + envelope.describe());
    }
    String primary = envelope.primaryKeyId();
    Set<String> inUse = new TreeSet<>(secrets.keyIdsInUse());
    long notOnPrimary = secrets.countWrappedByOtherThan(primary);
    for (SealedElsewhere other : others) {
      inUse.addAll(other.keyIdsInUse());
      notOnPrimary += other.countWrappedByOtherThan(primary);
    }
    return new Status(primary, envelope.keyIds(), List.copyOf(inUse), notOnPrimary, progress.get());
  }

  /**
   * Master-key ids that wrap stored data keys but are not loaded: a wrong or missing key. Those
   * secrets cannot be revealed, so the server must not report ready.
   */
  public List<String> missingKeyIds() {
    return envelope.notLoaded(secrets.keyIdsInUse());
  }

  /** Starts the re-wrap job unless it is already running; returns the status either way. */
  public Status start() {
    access.requirePlatformAdmin();
    Status before = status();
    Progress started =
        new Progress(
            "running",
            before.primaryKeyId(),
            before.versionsNotOnPrimary(),
            0,
            0,
            clock.instant(),
            null,
            null);
    Progress previous = progress.get();
    if (!previous.running() && progress.compareAndSet(previous, started)) {
      audit.success(
          AuditAction.MASTER_KEY_ROTATE,
          AuditTarget.PLATFORM.key(started.targetKeyId()),
          "started: " + started.total() + " data key(s) to re-wrap");
      executor.submit(this::run);
      LOG.info(
          () ->
              "Master key rotation started: "
                  + started.total()
                  + " data key(s) to re-wrap under "
                  + started.targetKeyId());
    }
    return status();
  }

  private void run() {
    Set<UUID> unreadable = new HashSet<>();
    try {
      int moved;
      do {
        RewrapBatch.Outcome outcome = batch.rewrapNext(BATCH, unreadable);
        unreadable.addAll(outcome.unreadable());
        moved = outcome.moved();
        int done = moved;
        progress.updateAndGet(p -> p.advance(done, unreadable.size()));
      } while (moved > 0);
      Progress finished = progress.updateAndGet(p -> p.finish("done", null, clock.instant()));
      audit.success(
          AuditAction.MASTER_KEY_ROTATE,
          AuditTarget.PLATFORM.key(finished.targetKeyId()),
          "done: "
              + finished.rewrapped()
              + " re-wrapped, "
              + finished.unreadable()
              + " unreadable");
      LOG.info(
          () ->
              "Master key rotation done: "
                  + finished.rewrapped()
                  + " data key(s) now under "
                  + finished.targetKeyId()
                  + (finished.unreadable() == 0
                      ? "; older keys can be removed"
                      : "; " + finished.unreadable() + " unreadable version(s) remain, see above"));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Master key rotation stopped; run it again to resume", e);
      Progress failed =
          progress.updateAndGet(
              p -> p.finish("failed", e.getClass().getSimpleName(), clock.instant()));
      audit.failed(
          AuditAction.MASTER_KEY_ROTATE,
          AuditTarget.PLATFORM.key(failed.targetKeyId()),
          "stopped: " + e.getClass().getSimpleName());
    }
  }
}
