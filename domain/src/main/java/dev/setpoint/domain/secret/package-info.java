/**
 * Secrets: values encrypted at rest under envelope encryption, versioned, revealed on purpose and
 * rotated without outage. The domain sees encryption only through the {@link
 * dev.setpoint.domain.secret.Envelope} port.
 */
package dev.setpoint.domain.secret;
