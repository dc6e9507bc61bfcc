/** JPA repositories for applications and environments. */
package dev.setpoint.persistence.application;
