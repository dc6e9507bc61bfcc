package dev.setpoint.domain.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/**
 * The container's answer: the {@link RequestCaller} when a request context is active, {@link
 * Caller#SYSTEM} on background threads (polls, schedules), which no client can reach.
 */
@ApplicationScoped
public class RequestCallerContext implements CallerContext {

  private final BeanManager beans;
  private final RequestCaller current;

  /** For the CDI container's proxy only. */
  protected RequestCallerContext() {
    this(null, null);
  }

  @Inject
  public RequestCallerContext(BeanManager beans, RequestCaller current) {
    this.beans = beans;
    this.current = current;
  }

  @Override
  public Caller caller() {
    try {
      if (!beans.getContext(RequestScoped.class).isActive()) {
        return Caller.SYSTEM;
      }
    } catch (ContextNotActiveException e) {
      return Caller.SYSTEM;
    }
    return current.get();
  }
}
