package dev.setpoint.domain.audit;

import dev.setpoint.domain.platform.WriteBehind;
import dev.setpoint.domain.platform.WriteBehindTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * Deliveries of releases that contain secrets, audited without a database write per request: each
 * delivery adds one to a counter per actor, client address, release and minute, and a background
 * task appends one {@code delivery.read} event per counter every few seconds (and at shutdown).
 *
 * <p>The trade-off: a server that crashes loses the counts gathered since its last flush (at most
 * {@code setpoint.audit.delivery-flush-seconds}), and an event names the minute, not the request. A
 * failed flush keeps its counts for the next attempt.
 */
@ApplicationScoped
public class DeliveryAudit extends WriteBehindTask<DeliveryAudit.Delivery, Long> {

  @Inject AuditWriter writer;

  @Inject Clock clock;

  @Inject AuditConfig config;

  private final WriteBehind<Delivery, Long> pending =
      new WriteBehind<>(
          "delivery counts for the audit trail",
          Integer.MAX_VALUE,
          Long::sum,
          this::append,
          Level.WARNING);

  /** What one counter counts: deliveries of one release to one actor from one address. */
  record Delivery(String actor, String clientAddress, AuditTarget release, Instant minute) {}

  @Override
  public String name() {
    return "auditing deliveries";
  }

  @Override
  public Duration interval() {
    return config.deliveryFlush();
  }

  @Override
  protected WriteBehind<Delivery, Long> pending() {
    return pending;
  }

  /** Notes that {@code actor} at {@code clientAddress} was sent {@code release}'s secrets. */
  public void delivered(String actor, String clientAddress, AuditTarget release) {
    Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    pending.put(new Delivery(actor, clientAddress, release, minute), 1L);
  }

  /** Appends the counted deliveries; on failure they are kept for the next attempt. */
  public void flush() {
    pending.flush();
  }

  private void append(Map<Delivery, Long> batch) {
    List<AuditRecord> records = new ArrayList<>();
    batch.entrySet().stream()
        .sorted(Comparator.comparing(e -> e.getKey().minute()))
        .forEach(
            e ->
                records.add(
                    new AuditRecord(
                        clock.instant(),
                        e.getKey().actor(),
                        AuditAction.DELIVERY_READ,
                        e.getKey().release(),
                        Outcome.SUCCESS,
                        e.getKey().clientAddress(),
                        null,
                        e.getValue() + " deliveries in the minute from " + e.getKey().minute())));
    writer.append(records);
  }
}
