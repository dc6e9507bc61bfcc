package dev.setpoint.domain.access;

/** Where {@link Access} learns who is calling. */
public interface CallerContext {

  /** The caller of the current request, or {@link Caller#SYSTEM} outside any request. */
  Caller caller();
}
