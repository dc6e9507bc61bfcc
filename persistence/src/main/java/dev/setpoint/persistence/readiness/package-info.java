/** Readiness findings, suppressions and scheduler leases, stored with JPA. */
package dev.setpoint.persistence.readiness;
