package dev.setpoint.persistence.outbound;

import dev.setpoint.domain.audit.AuditEvent;
import dev.setpoint.domain.audit.AuditRecord;
import dev.setpoint.domain.audit.AuditTarget;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * An audit event as the one-line JSON object the archive files and the log stream carry: the fields
 * and order of the API's {@code AuditEvent}, as the export writes it (the web module's test holds
 * the two to one line).
 */
public final class AuditJsonLine {

  private AuditJsonLine() {}

  /** The event as one line of JSON, without the line break. */
  public static String of(AuditEvent event) {
    AuditRecord record = event.record();
    AuditTarget target = record.target();
    JsonObjectBuilder json = Json.createObjectBuilder().add("sequence", event.sequence());
    json.add("at", record.at().toString())
        .add("actor", record.actor())
        .add("action", record.action().wireName());
    JsonObjectBuilder about = Json.createObjectBuilder();
    optional(about, "application", target.application());
    optional(about, "environment", target.environment());
    optional(about, "key", target.key());
    if (target.version() != null) {
      about.add("version", target.version());
    }
    json.add("target", about).add("outcome", record.outcome().wireName());
    optional(json, "clientAddress", record.clientAddress());
    optional(json, "requestId", record.requestId());
    optional(json, "detail", record.detail());
    return json.add("hash", event.hash()).build().toString();
  }

  private static void optional(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
