package dev.setpoint.api.access;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A role to grant. */
@Schema(
    name = "RoleBindingRequest",
    description =
        "Grants a role to a user or group on the whole platform (no application), on an application"
            + " (no environment), or on one environment.")
public record RoleBindingRequest(
    @Schema(
            description = "A user name, or group:<name> for an identity-provider group.",
            example = "alice")
        @NotBlank
        String principal,
    @Schema(
            description = "viewer, editor, releaser or admin.",
            enumeration = {"viewer", "editor", "releaser", "admin"})
        @NotBlank
        String role,
    @Schema(description = "Application slug; null for the whole platform.", example = "shop")
        String application,
    @Schema(
            description = "Environment slug; null for the whole application.",
            example = "production")
        String environment) {}
