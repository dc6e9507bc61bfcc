/** Staged rollouts: the plan a publish may carry, a rollout's progress, health reports, alerts. */
package dev.setpoint.api.rollout;
