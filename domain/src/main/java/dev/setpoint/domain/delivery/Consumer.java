package dev.setpoint.domain.delivery;

import java.time.Instant;
import java.util.UUID;

/** A running instance of an application, and the release it was last served. */
public record Consumer(
    UUID environmentId, String instance, int releaseNumber, Instant lastSeenAt) {}
