package dev.setpoint.api.change;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change request. {@code diff}, {@code readiness} and {@code kept} are filled when one request is
 * read (and in the answers of its steps), not in lists.
 */
@Schema(name = "ChangeRequest", description = "Proposed writes to an environment under review.")
public record ChangeRequestView(
    @Schema(description = "1, 2, 3… per environment.", example = "3") int number,
    String environment,
    @Schema(enumeration = {"open", "approved", "rejected", "applied", "withdrawn", "stale"})
        String status,
    String author,
    String message,
    @Schema(description = "Starts at 1; each update adds one and drops the approvals.")
        int revision,
    @Schema(description = "Approvals the environment's policy asks for now.") int approvalsRequired,
    List<ReviewEntryView> approvals,
    List<ChangeView> changes,
    List<ChangeDiffView> diff,
    ChangeReadinessView readiness,
    List<ReviewEntryView> comments,
    @Schema(description = "A promotion: the keys the target keeps that the release lacks.")
        List<String> kept,
    PromotionSourceView promotedFrom,
    @Schema(description = "The release its publish made, once applied.") Integer appliedRelease,
    String closedBy,
    Instant closedAt,
    Instant createdAt,
    Instant updatedAt) {}
