/** JPA repository for setting definitions and their overrides. */
package dev.setpoint.persistence.setting;
