package dev.setpoint.api.application;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An environment as the API shows it. */
@Schema(
    name = "Environment",
    description = "One environment (dev, staging, production, ...) of an application.")
public record EnvironmentView(
    @Schema(example = "production") String slug,
    @Schema(example = "Production") String name,
    boolean production,
    @Schema(description = "Optimistic-concurrency version; also the entity tag.") long version,
    Instant createdAt,
    Instant updatedAt) {}
