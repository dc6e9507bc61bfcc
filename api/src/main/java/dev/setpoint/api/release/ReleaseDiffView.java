package dev.setpoint.api.release;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The keys that differ from release {@code against} to release {@code number}. */
@Schema(name = "ReleaseDiff", description = "Keys added, removed and changed; never values.")
public record ReleaseDiffView(
    @Schema(description = "The release compared.") int number,
    @Schema(description = "The release it is compared against.") int against,
    List<String> added,
    List<String> removed,
    @Schema(description = "Changed keys; a secret is changed when its pinned version differs.")
        List<String> changed) {}
