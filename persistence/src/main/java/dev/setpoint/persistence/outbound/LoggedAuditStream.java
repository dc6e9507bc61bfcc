package dev.setpoint.persistence.outbound;

import dev.setpoint.domain.audit.AuditChain.Position;
import dev.setpoint.domain.audit.AuditEvent;
import dev.setpoint.domain.audit.AuditStream;
import dev.setpoint.domain.audit.AuditWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import java.util.List;
import java.util.logging.Logger;

/**
 * The log stream a SIEM follows, at INFO: one JSON line per committed event, and an {@code
 * audit.head} line per verified head.
 */
@ApplicationScoped
public class LoggedAuditStream implements AuditStream {

  private static final Logger AUDIT = Logger.getLogger(AuditWriter.LOGGER);

  @Override
  public void committed(List<AuditEvent> events) {
    events.forEach(e -> AUDIT.info(AuditJsonLine.of(e)));
  }

  @Override
  public void verified(Position head, long checked) {
    AUDIT.info(
        Json.createObjectBuilder()
            .add("event", "audit.head")
            .add("sequence", head.sequence())
            .add("hash", head.hash())
            .add("verified", checked)
            .build()
            .toString());
  }
}
