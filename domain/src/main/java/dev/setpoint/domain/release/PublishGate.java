package dev.setpoint.domain.release;

import dev.setpoint.domain.application.Environment;

/**
 * What must hold before a release of an environment is published: the readiness gate ({@code
 * dev.setpoint.domain.readiness.ReadinessGate}, its one implementation). It throws {@link
 * dev.setpoint.domain.shared.Unprocessable} to refuse; an override reason lets the caller publish
 * anyway, on the record.
 */
public interface PublishGate {

  void check(Environment environment, String overrideReason);
}
