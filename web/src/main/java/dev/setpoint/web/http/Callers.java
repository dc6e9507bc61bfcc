package dev.setpoint.web.http;

import dev.setpoint.domain.access.Caller;
import jakarta.ws.rs.core.CacheControl;

/** Who is calling, and the caching rule for answers that carry secret values. */
public final class Callers {

  private Callers() {}

  /**
   * The name recorded as the actor: the authenticated caller's, or {@code anonymous}. It comes from
   * the request's caller, not from the container: Setpoint's mechanism does not log callers in to
   * Liberty (see {@code SetpointAuthentication}).
   */
  public static String actor(Caller caller) {
    return caller.name();
  }

  /** {@code no-store, no-cache}: for responses that carry secret values. */
  public static CacheControl noStore() {
    CacheControl control = new CacheControl();
    control.setNoStore(true);
    control.setNoCache(true);
    return control;
  }
}
