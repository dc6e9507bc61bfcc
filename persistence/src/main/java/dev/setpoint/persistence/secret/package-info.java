/** JPA repository for secrets and their sealed versions. */
package dev.setpoint.persistence.secret;
