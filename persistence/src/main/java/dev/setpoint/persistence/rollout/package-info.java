/** Staged rollouts, stored with JPA. */
package dev.setpoint.persistence.rollout;
