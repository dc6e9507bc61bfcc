package dev.setpoint.domain.access;

import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the request being served. The web layer's authentication fills it in before any
 * resource runs; until then (or if it never does) the caller is anonymous, so a gap fails closed.
 */
@RequestScoped
public class RequestCaller {

  private Caller caller = Caller.ANONYMOUS;

  public Caller get() {
    return caller;
  }

  public void set(Caller caller) {
    this.caller = caller;
  }
}
