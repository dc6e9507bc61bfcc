/** Resources for setting definitions, per-environment overrides and resolved views. */
package dev.setpoint.web.setting;
