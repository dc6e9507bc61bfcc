/** JPA repositories for users, role bindings and service tokens. */
package dev.setpoint.persistence.access;
