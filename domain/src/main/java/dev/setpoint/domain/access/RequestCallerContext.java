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
    return inRequest() ? current.get() : Caller.SYSTEM;
  }

  @Override
  public String requestId() {
    return inRequest() ? current.requestId() : null;
  }

  @Override
  public String clientAddress() {
    return inRequest() ? current.clientAddress() : null;
  }

  private boolean inRequest() {
    try {
      return beans.getContext(RequestScoped.class).isActive();
    } catch (ContextNotActiveException e) {
      return false;
    }
  }
}
