/** Staged rollouts over HTTP: progress and control, consumers' health reports, alerts. */
package dev.setpoint.web.rollout;
