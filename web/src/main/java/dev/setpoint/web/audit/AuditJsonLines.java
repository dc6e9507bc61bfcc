package dev.setpoint.web.audit;

import dev.setpoint.api.audit.AuditEventView;
import dev.setpoint.api.audit.AuditTargetView;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * The export's wire format: each {@link AuditEventView} as one JSON object per line, in the
 * record's field order and without absent fields, as the archive files and the log stream carry it.
 */
final class AuditJsonLines {

  private AuditJsonLines() {}

  /** The event as one line of JSON, without the line break. */
  static String line(AuditEventView event) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("sequence", event.sequence());
    json.add("at", event.at().toString()).add("actor", event.actor()).add("action", event.action());
    AuditTargetView target = event.target();
    JsonObjectBuilder about = Json.createObjectBuilder();
    optional(about, "application", target.application());
    optional(about, "environment", target.environment());
    optional(about, "key", target.key());
    if (target.version() != null) {
      about.add("version", target.version());
    }
    json.add("target", about).add("outcome", event.outcome());
    optional(json, "clientAddress", event.clientAddress());
    optional(json, "requestId", event.requestId());
    optional(json, "detail", event.detail());
    return json.add("hash", event.hash()).build().toString();
  }

  private static void optional(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
