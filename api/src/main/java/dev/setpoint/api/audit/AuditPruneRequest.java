package dev.setpoint.api.audit;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which events to archive and prune: those recorded before an instant. */
@Schema(name = "AuditPruneRequest")
public record AuditPruneRequest(
    @NotNull @Schema(description = "Events recorded before this instant are pruned.")
        Instant before) {}
