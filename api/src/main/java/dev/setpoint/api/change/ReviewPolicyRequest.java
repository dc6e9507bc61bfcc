package dev.setpoint.api.change;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sets an environment's review policy. */
@Schema(name = "ReviewPolicyRequest", description = "How many approvals changes need, from whom.")
public record ReviewPolicyRequest(
    @Schema(
            required = true,
            description = "0 (writes go straight through) to 3.",
            minimum = "0",
            maximum = "3",
            example = "1")
        @NotNull
        @Min(0)
        @Max(3)
        Integer approvals,
    @Schema(description = "Who may approve; absent: anyone with write access but the author.")
        Approvers approvers) {}
