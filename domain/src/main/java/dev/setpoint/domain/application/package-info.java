/**
 * Applications and their environments: the model and its repositories. Their use cases are in
 * {@code catalog}.
 */
package dev.setpoint.domain.application;
