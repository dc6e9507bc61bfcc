package dev.setpoint.domain.audit;

/**
 * Who the trail records as acting, and from where: what the trail needs of the caller, stated here
 * so that the trail does not depend on how callers are authenticated ({@code access.CallerContext}
 * provides it).
 */
public interface AuditActor {

  /** The acting caller's name: a user name, {@code token:<id>}, {@code setpoint} or anonymous. */
  String actor();

  /** The id of the request being served, or null outside any request. */
  String requestId();

  /** The address the current request came from (after trusted proxies), or null. */
  String clientAddress();
}
