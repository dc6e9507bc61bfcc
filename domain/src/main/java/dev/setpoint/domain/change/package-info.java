/**
 * Change control (four eyes): per-environment review policies, change requests that carry proposed
 * writes until they are approved and applied, and promotion of one environment's release onto
 * another.
 */
package dev.setpoint.domain.change;
