/** {@code /audit}: querying, exporting, verifying and pruning the audit trail. */
package dev.setpoint.web.audit;
