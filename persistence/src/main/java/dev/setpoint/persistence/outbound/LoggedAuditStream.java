package dev.setpoint.persistence.outbound;

import dev.setpoint.domain.audit.AuditEvent;
import dev.setpoint.domain.audit.AuditStream;
import dev.setpoint.domain.audit.AuditWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.logging.Logger;

/** The log stream a SIEM follows: one JSON line per committed event, at INFO. */
@ApplicationScoped
public class LoggedAuditStream implements AuditStream {

  private static final Logger AUDIT = Logger.getLogger(AuditWriter.LOGGER);

  @Override
  public void committed(List<AuditEvent> events) {
    events.forEach(e -> AUDIT.info(AuditJsonLine.of(e)));
  }
}
