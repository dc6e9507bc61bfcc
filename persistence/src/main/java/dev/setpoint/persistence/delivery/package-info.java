/** The delivery change log and consumer sightings, stored with JPA. */
package dev.setpoint.persistence.delivery;
