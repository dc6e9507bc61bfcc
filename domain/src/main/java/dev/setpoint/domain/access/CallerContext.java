package dev.setpoint.domain.access;

/** Where {@link Access} learns who is calling. */
public interface CallerContext {

  /** The caller of the current request, or {@link Caller#SYSTEM} outside any request. */
  Caller caller();

  /** The id of the request being served, or null outside any request. */
  default String requestId() {
    return null;
  }

  /** The address the current request came from (after trusted proxies), or null. */
  default String clientAddress() {
    return null;
  }
}
