/** The audit trail's records: events, the verification result, pruning. */
package dev.setpoint.api.audit;
