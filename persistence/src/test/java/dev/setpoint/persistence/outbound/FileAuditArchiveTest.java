package dev.setpoint.persistence.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditConfig;
import dev.setpoint.domain.audit.AuditService;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.testing.InMemoryAuditRepository;
import dev.setpoint.domain.testing.InMemoryRepositories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A prune through the file archive (moved here from the domain's AuditTrailTest). */
class FileAuditArchiveTest {

  private final InMemoryRepositories store = new InMemoryRepositories();
  private final InMemoryAuditRepository events = store.auditEvents;
  private ApplicationService applications;
  private AuditService audit;

  @TempDir Path archives;

  @BeforeEach
  void setUp() {
    applications =
        new ApplicationService(
            store, store, store, store, store.access(), store.auditTrail(), store.clock);
    audit =
        new AuditService(
            events,
            store.auditTrail(),
            new AuditConfig(),
            store.access(),
            new FileAuditArchive(() -> archives),
            store.clock);
  }

  private void changes(int count) {
    for (int i = 0; i < count; i++) {
      applications.create("app-" + UUID.randomUUID().toString().substring(0, 8), "App", null, null);
    }
  }

  @Test
  void pruningArchivesTheOldPartAndTheRestStillVerifies() throws Exception {
    changes(5);
    Instant cut = events.events().get(2).record().at().plusNanos(1000);
    changes(2);
    AuditService.Pruned pruned = audit.prune(cut);
    assertEquals(3, pruned.events());
    assertEquals(3, pruned.checkpoint().sequence());
    List<String> archived = Files.readAllLines(Path.of(pruned.archive()));
    assertEquals(3, archived.size());
    assertTrue(archived.get(2).contains("\"sequence\":3"), archived.get(2));
    assertEquals(4L, events.events().get(0).sequence());
    AuditService.Verification after = audit.verify();
    assertTrue(after.ok(), after::toString);
    assertEquals(
        AuditAction.AUDIT_PRUNE, events.events().get(events.events().size() - 1).record().action());
    assertEquals(events.events().size(), visibleToAdmins());
  }

  /** How many events a platform admin's query returns. */
  private int visibleToAdmins() {
    return audit
        .find(
            new AuditService.Filter(null, null, null, null, null, null, null),
            new PageRequest(null, 500))
        .items()
        .size();
  }
}
