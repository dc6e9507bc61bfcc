package dev.setpoint.domain.audit;

/**
 * An audit record at its place in the chain: {@code hash} is SHA-256 over the previous event's hash
 * and this event's canonical form (see {@link AuditChain}).
 */
public record AuditEvent(long sequence, AuditRecord record, String hash) {}
