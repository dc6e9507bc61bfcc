package dev.setpoint.domain.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.delivery.Staging;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CohortTest {

  private final UUID rollout = UUID.fromString("6f1c2a3e-0000-4000-8000-000000000001");

  @Test
  void anInstanceOnceCoveredStaysCoveredAsTheStepsGrow() {
    for (int i = 0; i < 1000; i++) {
      String instance = "web-" + i;
      boolean covered = false;
      for (int percent : new int[] {1, 10, 25, 50, 75, 100}) {
        boolean now = Staging.covers(rollout, percent, instance);
        assertTrue(now || !covered, instance + " left the cohort at " + percent + "%");
        covered = now;
      }
      assertTrue(covered, "every instance is covered at 100%");
      assertFalse(Staging.covers(rollout, 0, instance));
    }
  }

  @Test
  void bucketsAreStableAndSpreadEvenly() {
    assertEquals(Staging.bucket(rollout, "web-1"), Staging.bucket(rollout, "web-1"));
    int[] counts = new int[10];
    for (int i = 0; i < 10_000; i++) {
      counts[Staging.bucket(rollout, "instance-" + i) / 10]++;
    }
    for (int count : counts) {
      assertTrue(count > 850 && count < 1150, "a tenth of the instances per decile: " + count);
    }
  }

  @Test
  void requestsWithoutAnInstanceAreNeverCovered() {
    assertFalse(Staging.covers(rollout, 100, null));
  }
}
