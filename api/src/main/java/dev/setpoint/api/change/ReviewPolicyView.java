package dev.setpoint.api.change;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The review policy in force in an environment. */
@Schema(name = "ReviewPolicy", description = "The review policy in force in an environment.")
public record ReviewPolicyView(
    @Schema(description = "Approvals a change needs; 0: writes go straight through.", example = "1")
        int approvals,
    Approvers approvers,
    @Schema(
            description =
                "Whether the environment has a policy of its own (false: the default, 1 approval"
                    + " for production while SETPOINT_CHANGE_CONTROL_ENABLED is true, else 0).")
        boolean explicit) {}
