package dev.setpoint.web.http;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.SecurityContext;

/** Who is calling, and the caching rule for answers that carry secret values. */
public final class Callers {

  /** The actor recorded when a request carries no authenticated principal. */
  public static final String ANONYMOUS = "anonymous";

  private Callers() {}

  /** The authenticated principal's name, or {@value #ANONYMOUS}. */
  public static String actor(SecurityContext security) {
    return security.getUserPrincipal() == null ? ANONYMOUS : security.getUserPrincipal().getName();
  }

  /** {@code no-store, no-cache}: for responses that carry secret values. */
  public static CacheControl noStore() {
    CacheControl control = new CacheControl();
    control.setNoStore(true);
    control.setNoCache(true);
    return control;
  }
}
