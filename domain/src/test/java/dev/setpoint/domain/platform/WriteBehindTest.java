package dev.setpoint.domain.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class WriteBehindTest {

  private final List<Map<String, Long>> written = new ArrayList<>();
  private boolean storeDown;

  private WriteBehind<String, Long> buffer(int maxPending) {
    return new WriteBehind<>(
        "counts",
        maxPending,
        Long::sum,
        batch -> {
          if (storeDown) {
            throw new IllegalStateException("connection refused");
          }
          written.add(Map.copyOf(batch));
        },
        Level.FINE);
  }

  @Test
  void valuesOfOneKeyCoalesceAndAreWrittenInOneBatch() {
    WriteBehind<String, Long> counts = buffer(10);
    counts.put("a", 1L);
    counts.put("a", 2L);
    counts.put("b", 1L);
    counts.flush();
    counts.flush();

    assertEquals(List.of(Map.of("a", 3L, "b", 1L)), written, "nothing left for the second flush");
    assertEquals(0, counts.pending());
  }

  @Test
  void aFailedWriteKeepsTheBatchMergedWithWhatCameMeanwhile() {
    WriteBehind<String, Long> counts = buffer(10);
    counts.put("a", 1L);
    storeDown = true;
    assertThrows(IllegalStateException.class, counts::flush);
    assertFalse(counts.flushQuietly(), "the quiet flush logs and reports the failure");
    counts.put("a", 5L);

    storeDown = false;
    assertTrue(counts.flushQuietly());
    assertEquals(List.of(Map.of("a", 6L)), written);
  }

  @Test
  void newKeysBeyondTheBoundAreDroppedWhileKnownOnesStillCoalesce() {
    WriteBehind<String, Long> counts = buffer(2);
    counts.put("a", 1L);
    counts.put("b", 1L);
    counts.put("c", 1L);
    counts.put("a", 1L);
    assertEquals(2, counts.pending());
    counts.flush();

    assertEquals(List.of(Map.of("a", 2L, "b", 1L)), written);
  }
}
