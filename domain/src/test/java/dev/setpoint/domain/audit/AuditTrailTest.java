package dev.setpoint.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.access.Caller;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.Forbidden;
import dev.setpoint.domain.shared.Unavailable;
import dev.setpoint.domain.testing.InMemoryAuditRepository;
import dev.setpoint.domain.testing.InMemoryRepositories;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

  private final InMemoryRepositories store = new InMemoryRepositories();
  private final InMemoryAuditRepository events = store.auditEvents;
  private ApplicationService applications;
  private AuditService audit;

  /** Archiving is FileAuditArchiveTest's (persistence); nothing here gets that far. */
  private static final AuditArchive NO_ARCHIVE =
      (name, events) -> {
        throw new AssertionError("nothing is archived in these tests");
      };

  @BeforeEach
  void setUp() {
    applications =
        new ApplicationService(
            store, store, store, store, store.access(), store.auditTrail(), store.clock);
    AuditConfig config = new AuditConfig();
    config.retention = Optional.empty();
    audit =
        new AuditService(
            events, store.auditTrail(), config, store.access(), NO_ARCHIVE, store.clock);
  }

  private void changes(int count) {
    for (int i = 0; i < count; i++) {
      applications.create("app-" + UUID.randomUUID().toString().substring(0, 8), "App", null, null);
    }
  }

  @Test
  void eachChangeIsOneEventChainedToThePreviousOne() {
    changes(3);
    List<AuditEvent> stored = events.events();
    assertEquals(List.of(1L, 2L, 3L), stored.stream().map(AuditEvent::sequence).toList());
    String previous = AuditChain.GENESIS;
    for (AuditEvent event : stored) {
      assertEquals(AuditChain.hash(previous, event.sequence(), event.record()), event.hash());
      assertEquals(AuditAction.APPLICATION_CREATE, event.record().action());
      assertEquals("setpoint", event.record().actor());
      assertEquals("test-request-0001", event.record().requestId());
      previous = event.hash();
    }
    AuditService.Verification verified = audit.verify();
    assertTrue(verified.ok());
    assertEquals(3, verified.checked());
  }

  @Test
  void anAlteredEventIsNamedByVerify() {
    changes(4);
    events.tamper(
        2,
        e -> {
          AuditRecord r = e.record();
          AuditRecord forged =
              new AuditRecord(
                  r.at(),
                  "someone-else",
                  r.action(),
                  r.target(),
                  r.outcome(),
                  r.clientAddress(),
                  r.requestId(),
                  r.detail());
          return new AuditEvent(e.sequence(), forged, e.hash());
        });
    AuditService.Verification result = audit.verify();
    assertFalse(result.ok());
    assertEquals(2L, result.firstBrokenSequence());
    assertEquals(1, result.checked());
  }

  @Test
  void eventsAppendedWhileVerifyWalksAreVerifiedNotReportedAsABreak() {
    changes(3);
    events.beforeNextHeadRead = () -> changes(2);
    AuditService.Verification verified = audit.verify();
    assertTrue(verified.ok(), verified::toString);
    assertEquals(5, verified.checked());
    assertEquals(5L, verified.head().sequence());

    events.beforeNextHeadRead =
        () -> {
          changes(2);
          events.delete(7);
        };
    AuditService.Verification broken = audit.verify();
    assertFalse(broken.ok(), "a head the chain does not reach is still a break");
    assertEquals(7L, broken.firstBrokenSequence());
  }

  @Test
  void aRehashedForgeryBreaksTheNextLink() {
    changes(3);
    events.tamper(
        2,
        e -> {
          AuditRecord r = e.record();
          AuditRecord forged =
              new AuditRecord(r.at(), "x", r.action(), r.target(), r.outcome(), null, null, null);
          String previous = events.events().get(0).hash();
          return new AuditEvent(2, forged, AuditChain.hash(previous, 2, forged));
        });
    assertEquals(3L, audit.verify().firstBrokenSequence());
  }

  @Test
  void aDeletedEventInTheMiddleOrAtTheEndIsNamedByVerify() {
    changes(4);
    events.delete(2);
    assertEquals(2L, audit.verify().firstBrokenSequence());

    InMemoryRepositories other = new InMemoryRepositories();
    ApplicationService apps =
        new ApplicationService(
            other, other, other, other, other.access(), other.auditTrail(), other.clock);
    apps.create("one", "One", null, null);
    apps.create("two", "Two", null, null);
    other.auditEvents.delete(2);
    AuditService.Verification tail =
        new AuditService(
                other.auditEvents,
                other.auditTrail(),
                new AuditConfig(),
                other.access(),
                NO_ARCHIVE,
                other.clock)
            .verify();
    assertFalse(tail.ok(), "the head still names the deleted newest event");
    assertEquals(2L, tail.firstBrokenSequence());
  }

  @Test
  void aChangeWhoseAuditWriteFailsFailsWithIt() {
    events.failNextAppend = new IllegalStateException("disk full");
    assertThrows(Unavailable.class, () -> applications.create("doomed", "Doomed", null, null));
    assertTrue(events.events().isEmpty());
    changes(1);
    assertEquals(1L, events.events().get(0).sequence(), "no sequence number was used up");
  }

  @Test
  void aRefusalIsRecordedAsDeniedWithTheCaller() {
    store.caller = Caller.user("mallory", java.util.Set.of());
    assertThrows(Forbidden.class, () -> applications.create("nope", "Nope", null, null));
    AuditEvent denied = events.events().get(0);
    assertEquals(Outcome.DENIED, denied.record().outcome());
    assertEquals("mallory", denied.record().actor());
    assertEquals("192.0.2.10", denied.record().clientAddress());
    assertTrue(denied.record().detail().contains("editor"), denied.record().detail());
  }

  @Test
  void theCanonicalFormTellsAbsentFromLookAlikeValues() {
    AuditTarget target = AuditTarget.PLATFORM;
    AuditRecord absent =
        new AuditRecord(
            Instant.EPOCH, "a", AuditAction.USER_CREATE, target, Outcome.SUCCESS, null, "~", null);
    AuditRecord present =
        new AuditRecord(
            Instant.EPOCH, "a", AuditAction.USER_CREATE, target, Outcome.SUCCESS, "~", null, null);
    assertNotEquals(AuditChain.canonical(1, absent), AuditChain.canonical(1, present));
    assertNotEquals(
        AuditChain.hash(AuditChain.GENESIS, 1, absent),
        AuditChain.hash(AuditChain.GENESIS, 2, absent),
        "the sequence is part of the hash");
  }

  @Test
  void aBrokenChainIsNotPruned() {
    changes(4);
    Instant cut = events.events().get(3).record().at().plusNanos(1000);
    events.delete(2);
    assertThrows(Conflict.class, () -> audit.prune(cut));
    assertEquals(0, events.checkpoint().sequence());
  }
}
