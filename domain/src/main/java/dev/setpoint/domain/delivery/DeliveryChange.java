package dev.setpoint.domain.delivery;

import java.time.Instant;
import java.util.UUID;

/** One entry of the delivery change log that servers poll: an environment's release changed. */
public record DeliveryChange(long sequence, UUID environmentId, Instant at) {}
