/**
 * Request and response bodies for setting definitions, environment overrides and resolved views.
 */
package dev.setpoint.api.setting;
