package dev.setpoint.web.audit;

import dev.setpoint.domain.audit.AuditService;
import dev.setpoint.domain.shared.InvalidValue;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the audit query and export; every one is optional. */
public class AuditFilterParams {

  @QueryParam("application")
  @Parameter(description = "Events about this application (its slug).")
  String application;

  @QueryParam("environment")
  @Parameter(description = "Events about this environment (its slug).")
  String environment;

  @QueryParam("actor")
  @Parameter(description = "Events of this actor: a user name or token:<id>.")
  String actor;

  @QueryParam("action")
  @Parameter(description = "Events of this action, e.g. secret.reveal.")
  String action;

  @QueryParam("outcome")
  @Parameter(
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"success", "denied", "failed"}))
  String outcome;

  @QueryParam("from")
  @Parameter(
      description = "Events at or after this instant (ISO-8601).",
      schema = @Schema(type = SchemaType.STRING, format = "date-time"))
  String from;

  @QueryParam("to")
  @Parameter(
      description = "Events before this instant (ISO-8601).",
      schema = @Schema(type = SchemaType.STRING, format = "date-time"))
  String to;

  AuditService.Filter toFilter() {
    return new AuditService.Filter(
        blankToNull(application),
        blankToNull(environment),
        blankToNull(actor),
        blankToNull(action),
        blankToNull(outcome),
        instant("from", from),
        instant("to", to));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static Instant instant(String field, String text) {
    if (blankToNull(text) == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidValue(field, "must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
    }
  }
}
