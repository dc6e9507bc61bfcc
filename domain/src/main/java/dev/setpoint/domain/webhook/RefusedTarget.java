package dev.setpoint.domain.webhook;

import java.net.UnknownHostException;

/**
 * A webhook target the rule refuses: its host leads into the server's own network. An {@link
 * UnknownHostException} so that it can leave a resolver the HTTP client asks while connecting.
 */
class RefusedTarget extends UnknownHostException {

  RefusedTarget(String rule) {
    super(rule);
  }
}
