package dev.setpoint.domain.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.Slug;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeRequestTest {

  private final Instant now = Instant.parse("2026-12-01T10:00:00Z");
  private final Environment staging =
      new Environment(
          new Application(new Slug("shop"), "Shop", null, null, now),
          new Slug("staging"),
          "Staging",
          false,
          now);

  private ChangeRequest request() {
    return new ChangeRequest(
        staging,
        1,
        "alice",
        "Raise the pool",
        List.of(
            new ProposedChange(
                ProposedChange.Op.SET_SETTING, "pool", "20", null, null, null, null, "3"),
            new ProposedChange(
                ProposedChange.Op.SET_SECRET,
                "db.password",
                null,
                new Envelope.Sealed("k1", new byte[] {1, 2}, new byte[] {3, 4}),
                "utf-8",
                null,
                null,
                ProposedChange.ABSENT),
            new ProposedChange(
                ProposedChange.Op.PUBLISH, null, null, null, null, "go", "{\"steps\":[10]}", "2")),
        null,
        now);
  }

  @Test
  void changesAreStoredWithTheirBaseAndSealedValue() {
    List<ProposedChange> changes = request().changes();
    assertEquals("20", changes.get(0).value());
    assertEquals("3", changes.get(0).base());
    Envelope.Sealed sealed = changes.get(1).sealed();
    assertEquals("k1", sealed.keyId());
    assertEquals(2, sealed.ciphertext().length);
    assertEquals("{\"steps\":[10]}", changes.get(2).rollout());
    assertFalse(changes.get(1).toString().contains("k1"), "no sealed bytes in toString");
  }

  @Test
  void approvedOnceTheRequiredNumberIsGivenEachReviewerOnce() {
    ChangeRequest request = request();
    request.approve("bob", 2, now);
    assertEquals(ChangeStatus.OPEN, request.status());
    assertThrows(Conflict.class, () -> request.approve("bob", 2, now));
    request.approve("carol", 2, now);
    assertEquals(ChangeStatus.APPROVED, request.status());
    assertEquals(2, request.approvals().size());
  }

  @Test
  void aRevisionDropsTheApprovalsAndMakesItsWriterAnAuthor() {
    ChangeRequest request = request();
    request.approve("bob", 1, now);
    request.revise("bob", "again", request.changes(), now);
    assertEquals(ChangeStatus.OPEN, request.status());
    assertEquals(2, request.revision());
    assertTrue(request.approvals().isEmpty());
    assertTrue(request.contributed("alice"));
    assertTrue(request.contributed("bob"));
    assertFalse(request.contributed("carol"));
  }

  @Test
  void closedRequestsTakeNoFurtherStep() {
    ChangeRequest rejected = request();
    rejected.reject("bob", now);
    assertThrows(Conflict.class, () -> rejected.approve("carol", 1, now));
    assertThrows(Conflict.class, () -> rejected.withdraw("alice", now));
    assertThrows(Conflict.class, () -> rejected.revise("alice", null, List.of(), now));
    assertEquals("bob", rejected.closedBy());

    ChangeRequest stale = request();
    stale.stale(now);
    assertThrows(Conflict.class, () -> stale.approve("carol", 1, now));
    stale.revise("alice", null, stale.changes(), now);
    assertEquals(ChangeStatus.OPEN, stale.status(), "an update rebases a stale request");
  }

  @Test
  void commentsKeepTheirAuthorAndOrder() {
    ChangeRequest request = request();
    request.comment("bob", "why 20?", now);
    request.comment("alice", "the sale", now.plusSeconds(1));
    assertEquals(List.of("bob", "alice"), request.comments().stream().map(c -> c.by()).toList());
    assertEquals("the sale", request.comments().get(1).text());
  }
}
