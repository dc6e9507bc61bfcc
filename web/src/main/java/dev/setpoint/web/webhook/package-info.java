/** {@code /applications/{app}/webhooks}: registering webhooks and watching their deliveries. */
package dev.setpoint.web.webhook;
