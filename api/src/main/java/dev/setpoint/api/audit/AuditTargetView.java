package dev.setpoint.api.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an audit event is about; absent fields do not apply. */
@Schema(name = "AuditTarget", description = "What the event is about; absent fields do not apply.")
public record AuditTargetView(
    String application,
    String environment,
    @Schema(
            description =
                "A setting or secret key, a principal (roles, users), token:<id> (tokens) or a"
                    + " master key id.",
            example = "DATABASE_URL")
        String key,
    @Schema(description = "A secret version or a release number.") Integer version) {}
