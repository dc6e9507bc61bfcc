package dev.setpoint.domain.audit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

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
public class DeliveryAudit {

  private static final Logger LOG = Logger.getLogger(DeliveryAudit.class.getName());

  @Inject AuditWriter writer;

  @Inject Clock clock;

  @Inject AuditConfig config;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final Map<Delivery, LongAdder> pending = new ConcurrentHashMap<>();
  private volatile Future<?> task;

  /** What one counter counts: deliveries of one release to one actor from one address. */
  record Delivery(String actor, String clientAddress, AuditTarget release, Instant minute) {}

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object context) {
    task =
        scheduler.scheduleWithFixedDelay(
            this::flushQuietly,
            config.deliveryFlush().toSeconds(),
            config.deliveryFlush().toSeconds(),
            TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
    flushQuietly();
  }

  /** Notes that {@code actor} at {@code clientAddress} was sent {@code release}'s secrets. */
  public void delivered(String actor, String clientAddress, AuditTarget release) {
    Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    pending
        .computeIfAbsent(new Delivery(actor, clientAddress, release, minute), d -> new LongAdder())
        .increment();
  }

  /** Appends the counted deliveries; on failure they are kept for the next attempt. */
  public synchronized void flush() {
    if (pending.isEmpty()) {
      return;
    }
    Map<Delivery, Long> batch = new java.util.HashMap<>();
    for (Delivery delivery : List.copyOf(pending.keySet())) {
      LongAdder count = pending.remove(delivery);
      if (count != null) {
        batch.put(delivery, count.sum());
      }
    }
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
    try {
      writer.append(records);
    } catch (RuntimeException e) {
      batch.forEach(
          (delivery, count) -> pending.computeIfAbsent(delivery, d -> new LongAdder()).add(count));
      throw e;
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Auditing deliveries failed; the counts are kept for the next flush", e);
    }
  }
}
