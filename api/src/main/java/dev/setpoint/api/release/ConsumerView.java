package dev.setpoint.api.release;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A running instance seen by delivery. */
@Schema(name = "Consumer", description = "A running instance and the release it was last served.")
public record ConsumerView(
    @Schema(description = "The X-Setpoint-Instance the instance sent.", example = "web-7f9c-1")
        String instance,
    int releaseNumber,
    Instant lastSeenAt,
    @Schema(description = "True when it was last served the newest release.") boolean current,
    @Schema(
            description =
                "While a staged rollout is under way: candidate when its step serves this instance"
                    + " the new release, else stable; absent otherwise.",
            example = "candidate")
        String cohort) {}
