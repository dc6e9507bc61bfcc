/** Webhooks: registration and delivery attempts. */
package dev.setpoint.api.webhook;
