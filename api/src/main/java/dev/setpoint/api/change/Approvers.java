package dev.setpoint.api.change;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who may approve: a role on the environment, named principals, or both (either qualifies). */
@Schema(
    name = "Approvers",
    description =
        "Who may approve changes. Without a role or names, anyone with write access to the"
            + " environment (other than the author) may.")
public record Approvers(
    @Schema(
            description = "The least role on the environment that may approve.",
            enumeration = {"editor", "releaser", "admin"},
            example = "releaser")
        String role,
    @Schema(
            description = "User names or group:<name> principals that may approve.",
            example = "[\"alice\", \"group:sre\"]")
        List<String> principals) {}
