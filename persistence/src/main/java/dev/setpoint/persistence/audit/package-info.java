/** The audit trail's table, head and checkpoint, stored with JPA. */
package dev.setpoint.persistence.audit;
