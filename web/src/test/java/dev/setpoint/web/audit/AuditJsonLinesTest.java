package dev.setpoint.web.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditEvent;
import dev.setpoint.domain.audit.AuditRecord;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.Outcome;
import dev.setpoint.persistence.outbound.AuditJsonLine;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The export (built here from the API record) and the archive files carry one line format. */
class AuditJsonLinesTest {

  @Test
  void theExportWritesEachEventAsTheArchiveAndTheLogStreamDo() {
    AuditTarget full = new AuditTarget(UUID.randomUUID(), "shop", "prod", "DATABASE_URL", 3);
    AuditEvent every =
        new AuditEvent(
            42,
            new AuditRecord(
                Instant.parse("2026-01-02T03:04:05.123456Z"),
                "alice",
                AuditAction.APPLICATION_CREATE,
                full,
                Outcome.DENIED,
                "192.0.2.10",
                "req-1",
                "needs \"editor\""),
            "ab12");
    AuditEvent sparse =
        new AuditEvent(
            1,
            new AuditRecord(
                Instant.EPOCH,
                "setpoint",
                AuditAction.USER_CREATE,
                AuditTarget.PLATFORM,
                Outcome.SUCCESS,
                null,
                null,
                null),
            "cd34");
    for (AuditEvent event : new AuditEvent[] {every, sparse}) {
      assertEquals(AuditJsonLine.of(event), AuditJsonLines.line(AuditResource.view(event)));
    }
  }
}
