package dev.setpoint.domain.delivery;

import java.util.UUID;

/** CDI event: what an environment serves changed in a transaction that has now committed. */
public record DeliveryChanged(UUID environmentId) {}
