/** Releases, stored with JPA. */
package dev.setpoint.persistence.release;
