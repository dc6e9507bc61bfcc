package dev.setpoint.api.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a prune did. */
@Schema(name = "AuditPrune")
public record AuditPruneView(
    @Schema(description = "Events archived and deleted.") long pruned,
    @Schema(description = "The checkpoint: the last pruned event, where verification now starts.")
        long checkpointSequence,
    String checkpointHash,
    @Schema(description = "The JSON Lines file on the server that holds the pruned events.")
        String archive) {}
