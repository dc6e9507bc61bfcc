package dev.setpoint.web.security;

import dev.setpoint.domain.access.Caller;
import jakarta.security.enterprise.CallerPrincipal;

/** The container's principal for an authenticated caller, carrying the domain's view of it. */
public class SetpointPrincipal extends CallerPrincipal {

  private final transient Caller caller;

  public SetpointPrincipal(Caller caller) {
    super(caller.name());
    this.caller = caller;
  }

  public Caller caller() {
    return caller;
  }
}
