/** MicroProfile Health probes: one class per probe. */
package dev.setpoint.web.health;
