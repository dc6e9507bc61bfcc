/**
 * Staged rollouts: a release served to a growing share of an environment's instances, step by step,
 * and rolled back to the stable release when a stop condition is met.
 */
package dev.setpoint.domain.rollout;
