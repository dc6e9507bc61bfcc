/** Review policies and change requests, stored with JPA. */
package dev.setpoint.persistence.change;
