package dev.setpoint.domain.access;

import dev.setpoint.domain.audit.AuditActor;

/** Where {@link Access} learns who is calling, and the audit trail whom to record. */
public interface CallerContext extends AuditActor {

  /** The caller of the current request, or {@link Caller#SYSTEM} outside any request. */
  Caller caller();

  /** The caller's name, as the audit trail records it. */
  @Override
  default String actor() {
    return caller().name();
  }

  /** The id of the request being served, or null outside any request. */
  @Override
  default String requestId() {
    return null;
  }

  /** The address the current request came from (after trusted proxies), or null. */
  @Override
  default String clientAddress() {
    return null;
  }
}
