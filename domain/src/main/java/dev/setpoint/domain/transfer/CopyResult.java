package dev.setpoint.domain.transfer;

import dev.setpoint.domain.readiness.ReadinessReport;

/**
 * What a copy does (or did) to the target environment, and the target's readiness: as it is now for
 * a dry run, as the copy leaves it once applied.
 */
public record CopyResult(String from, ImportPlan plan, ReadinessReport readiness) {}
