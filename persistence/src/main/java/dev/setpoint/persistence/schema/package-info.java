/** The schema's owner: applies the Liquibase changelog at start-up and reports storage health. */
package dev.setpoint.persistence.schema;
