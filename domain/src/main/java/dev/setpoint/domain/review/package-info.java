/**
 * Review policies: how many approvals an environment's changes need and from whom, and the rule
 * every direct write passes ({@link dev.setpoint.domain.review.ChangeControl}).
 */
package dev.setpoint.domain.review;
