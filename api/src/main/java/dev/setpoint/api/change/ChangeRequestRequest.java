package dev.setpoint.api.change;

import dev.setpoint.api.ApiLimits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Proposes (or revises) a change request. */
@Schema(name = "ChangeRequestRequest", description = "Proposed writes to one environment.")
public record ChangeRequestRequest(
    @Schema(description = "What and why, for the reviewers.", example = "Raise the pool size")
        @Size(max = ApiLimits.MAX_MESSAGE_LENGTH)
        String message,
    @Schema(required = true, description = "1 to 500 changes; a publish, if any, comes last.")
        @NotNull
        @Size(min = 1, max = 500)
        List<ProposedChangeRequest> changes) {}
