package dev.setpoint.domain.shared;

/**
 * The outcome of a create-or-replace: the stored thing and whether it was created.
 *
 * @param <T> what was written
 */
public record Written<T>(T value, boolean created) {}
