package dev.setpoint.api.secret;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which master keys are loaded and in use, and the progress of the re-wrap job. */
@Schema(name = "MasterKeys", description = "Master-key ids (never keys) and re-wrap progress.")
public record MasterKeysView(
    @Schema(example = "k3f9a1c2b7d04") String primaryKeyId,
    List<String> loadedKeyIds,
    @Schema(description = "Keys that wrap at least one stored data key.") List<String> keyIdsInUse,
    @Schema(description = "Stored data keys not yet wrapped by the primary key.")
        long versionsNotOnPrimary,
    Rewrap rewrap) {

  /** The re-wrap job on the server that answered. */
  @Schema(name = "Rewrap")
  public record Rewrap(
      @Schema(enumeration = {"idle", "running", "done", "failed"}) String state,
      String targetKeyId,
      long total,
      long rewrapped,
      @Schema(description = "Versions whose data key could not be read (logged); not moved.")
          long unreadable,
      Instant startedAt,
      Instant finishedAt,
      String error) {}
}
