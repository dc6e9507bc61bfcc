package dev.setpoint.api.application;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application as the API shows it. */
@Schema(name = "Application", description = "An application whose settings Setpoint keeps.")
public record ApplicationView(
    @Schema(example = "billing-service") String slug,
    @Schema(example = "Billing service") String name,
    String description,
    String owner,
    @Schema(description = "Optimistic-concurrency version; also the entity tag.") long version,
    Instant createdAt,
    Instant updatedAt) {}
