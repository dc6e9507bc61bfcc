/**
 * MicroProfile Health checks ({@code /health/live}, {@code /health/ready}, {@code
 * /health/started}): one class per probe, named for what it checks. Not the readiness rules of
 * environments ({@code dev.setpoint.domain.readiness}).
 */
package dev.setpoint.web.health;
