package dev.setpoint.domain.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Sending one signed delivery over HTTP: the port the webhook dispatcher sends through, implemented
 * outside the domain. The domain decides where a delivery may go ({@link WebhookTargets}); the
 * sender connects only to the addresses it is handed, never to what the host resolves to later.
 */
public interface WebhookSender {

  /**
   * Where to send: the registered URL, its host name (for the {@code Host} header and TLS) and the
   * addresses the target rule checked, tried in order.
   */
  record CheckedTarget(URI url, String hostName, List<InetAddress> addresses) {
    public CheckedTarget {
      addresses = List.copyOf(addresses);
    }
  }

  /** What to send: the headers, the signature among them, and the JSON body. */
  record SignedDelivery(Map<String, String> headers, String body) {
    public SignedDelivery {
      headers = Map.copyOf(headers);
    }
  }

  /**
   * POSTs {@code delivery} to the first of the target's addresses that answers, within the
   * configured timeout; how it went as an outcome class ({@link DeliveryOutcome#answered}, {@link
   * DeliveryOutcome#TIMEOUT} or {@link DeliveryOutcome#CONNECTION_FAILED}), never an exception.
   */
  DeliveryOutcome send(CheckedTarget target, SignedDelivery delivery);
}
