package dev.setpoint.web.http;

import jakarta.ws.rs.core.CacheControl;

/** The caching rule for answers that carry secret values. */
public final class Callers {

  private Callers() {}

  /** {@code no-store, no-cache}: for responses that carry secret values. */
  public static CacheControl noStore() {
    CacheControl control = new CacheControl();
    control.setNoStore(true);
    control.setNoCache(true);
    return control;
  }
}
