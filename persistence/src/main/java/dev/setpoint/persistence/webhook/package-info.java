/** Webhooks and their deliveries, stored with JPA. */
package dev.setpoint.persistence.webhook;
