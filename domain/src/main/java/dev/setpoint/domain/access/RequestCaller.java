package dev.setpoint.domain.access;

import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the request being served. The web layer's authentication fills it in before any
 * resource runs; until then (or if it never does) the caller is anonymous, so a gap fails closed.
 */
@RequestScoped
public class RequestCaller {

  private Caller caller = Caller.ANONYMOUS;
  private String requestId;
  private String clientAddress;

  public Caller get() {
    return caller;
  }

  public void set(Caller caller) {
    this.caller = caller;
  }

  public String requestId() {
    return requestId;
  }

  public String clientAddress() {
    return clientAddress;
  }

  /** Where the request came from, for the audit trail; set before the caller is known. */
  public void origin(String requestId, String clientAddress) {
    this.requestId = requestId;
    this.clientAddress = clientAddress;
  }
}
