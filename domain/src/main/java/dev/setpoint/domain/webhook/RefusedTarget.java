package dev.setpoint.domain.webhook;

import java.net.UnknownHostException;

/**
 * A webhook target the rule refuses: its host leads into the server's own network. An {@link
 * UnknownHostException}, as the other way a host yields no address to send to.
 */
class RefusedTarget extends UnknownHostException {

  RefusedTarget(String rule) {
    super(rule);
  }
}
