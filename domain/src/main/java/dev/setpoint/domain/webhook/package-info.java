/**
 * Webhooks: per-application endpoints that receive readiness findings, release publications and
 * rotation-due notices, signed with HMAC-SHA256 and delivered with retries.
 */
package dev.setpoint.domain.webhook;
