/**
 * Plain configuration: setting definitions with typed defaults, per-environment overrides, and the
 * resolved view of an environment that says where each value came from.
 */
package dev.setpoint.domain.setting;
