package dev.setpoint.api.access;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A granted role. */
@Schema(name = "RoleBinding", description = "A role granted to a user or group within a scope.")
public record RoleBindingView(
    String id,
    String principal,
    @Schema(enumeration = {"viewer", "editor", "releaser", "admin"}) String role,
    @Schema(description = "Null when the binding covers the whole platform.") String application,
    @Schema(description = "Null when the binding covers the whole application.") String environment,
    Instant createdAt,
    String createdBy) {}
