package dev.setpoint.domain.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.audit.DeliveryAudit;
import dev.setpoint.domain.secret.KeysUnavailable;
import dev.setpoint.domain.secret.Undecryptable;
import dev.setpoint.domain.shared.DomainException;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.Unavailable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Gauge;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Serves the newest release of each environment to running applications from a bounded in-memory
 * cache: in the steady state a delivery read touches no database. The cache is refreshed when a
 * release is published on this server (right after the commit) or on another one (through the
 * change log, see {@link DeliveryPoller}), and watchers are woken then. While the database is
 * unreachable, cached releases go on being served.
 */
@ApplicationScoped
public class DeliveryService {

  private static final Logger LOG = Logger.getLogger(DeliveryService.class.getName());

  @Inject Snapshots snapshots;

  @Inject ConsumerLog consumers;

  @Inject Access access;

  @Inject dev.setpoint.domain.access.TokenChecks tokenChecks;

  @Inject DeliveryAudit audit;

  @Inject DeliveryConfig config;

  @Inject
  @Metric(
      name = "setpoint.delivery.watches.refused",
      absolute = true,
      description = "Watches refused (503) because this server held as many as it may.")
  Counter refusedWatches;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private final Watchers watchers = new Watchers();
  private final Map<UUID, String> names = new ConcurrentHashMap<>();
  private final Map<UUID, Optional<Staging>> staged = new ConcurrentHashMap<>();
  private volatile boolean storeReachable = true;
  private Cache<String, Snapshot> cache;

  @PostConstruct
  void init() {
    cache =
        Caffeine.newBuilder()
            .maximumSize(config.cacheSize())
            .removalListener(
                (String name,
                    Snapshot snapshot,
                    com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
                  if (snapshot != null && cause.wasEvicted()) {
                    names.remove(snapshot.environmentId(), name);
                    staged.remove(snapshot.environmentId());
                  }
                })
            .build();
  }

  /**
   * The release an environment serves now, from the cache when it holds it.
   *
   * @throws dev.setpoint.domain.shared.NotFound when the application, the environment or any
   *     release of it does not exist
   */
  public Snapshot current(EnvironmentRef where) {
    return current(where, null);
  }

  /**
   * The release an environment serves running instance {@code instance} now (null: a request that
   * names no instance): its newest release, or, in a staged rollout, the release of the instance's
   * cohort.
   *
   * @throws dev.setpoint.domain.shared.NotFound when the application, the environment or any
   *     release of it does not exist
   */
  public Snapshot current(EnvironmentRef where, String instance) {
    access.requireAuthenticated();
    Snapshot snapshot;
    try {
      snapshot = access.asSystem(() -> load(where));
    } catch (NotFound e) {
      // no release, or no such environment: only those who could read it may learn that; others
      // get the answer they get for an application that does not exist, or 403
      access.asSystem(() -> snapshots.target(where)).ifPresent(access::requireDelivery);
      throw e;
    }
    access.requireDelivery(snapshot.target());
    return servedTo(snapshot, instance);
  }

  /** What {@code instance} is served while {@code latest} is the newest release. */
  private Snapshot servedTo(Snapshot latest, String instance) {
    Optional<Staging> staging = staged.getOrDefault(latest.environmentId(), Optional.empty());
    if (staging.isPresent()
        && staging.get().candidate() == latest.number()
        && !staging.get().includes(instance)) {
      return staging.get().stable();
    }
    return latest;
  }

  /**
   * Release {@code number} of an environment, for the callers that may receive its current one: the
   * compatibility protocols' label or version. Loaded from the store on each call (an older release
   * is asked for rarely), never cached.
   *
   * @throws NotFound when the application, the environment or that release does not exist
   */
  public Snapshot release(EnvironmentRef where, int number) {
    access.requireAuthenticated();
    Snapshot snapshot;
    try {
      snapshot = access.asSystem(() -> snapshots.numbered(where, number));
    } catch (NotFound e) {
      access.asSystem(() -> snapshots.target(where)).ifPresent(access::requireDelivery);
      throw e;
    } catch (KeysUnavailable | Undecryptable e) {
      throw loadFailed(where.toString(), e);
    }
    access.requireDelivery(snapshot.target());
    return snapshot;
  }

  private Snapshot load(EnvironmentRef where) {
    String name = where.toString();
    Snapshot cached = cache.getIfPresent(name);
    if (cached != null && staged.containsKey(cached.environmentId())) {
      return cached;
    }
    Snapshot loaded;
    try {
      loaded = snapshots.latest(where);
      staged.put(
          loaded.environmentId(), snapshots.staging(loaded.environmentId(), loaded.number()));
    } catch (KeysUnavailable | Undecryptable e) {
      // secrets that do not open are a failed load here, as any other store failure
      throw loadFailed(name, e);
    } catch (DomainException e) {
      throw e;
    } catch (RuntimeException e) {
      throw loadFailed(name, e);
    }
    names.put(loaded.environmentId(), name);
    // a refresh may have stored a newer snapshot meanwhile: a load only replaces an older release
    return cache
        .asMap()
        .merge(name, loaded, (held, fresh) -> fresh.number() > held.number() ? fresh : held);
  }

  private static Unavailable loadFailed(String name, RuntimeException e) {
    LOG.log(Level.WARNING, "Loading the release of " + name + " failed", e);
    return new Unavailable(
        "Setpoint cannot load the release of "
            + name
            + " (its database may be unreachable) and holds no cached copy; retry shortly",
        e);
  }

  /**
   * Waits, without a thread, until the environment of {@code current} serves a release that
   * supersedes it; {@code wake} then receives it (or empty when the environment is gone), with
   * whether {@code watcher} may still be sent it.
   */
  public Watchers.Watch watch(
      EnvironmentRef where,
      Snapshot current,
      dev.setpoint.domain.access.Caller watcher,
      Consumer<Watchers.Wake> wake) {
    return watch(where, current, watcher, null, wake);
  }

  /**
   * As {@link #watch(EnvironmentRef, Snapshot, dev.setpoint.domain.access.Caller, Consumer)} for
   * running instance {@code instance}: woken when the release of its cohort changes.
   */
  public Watchers.Watch watch(
      EnvironmentRef where,
      Snapshot current,
      dev.setpoint.domain.access.Caller watcher,
      String instance,
      Consumer<Watchers.Wake> wake) {
    Watchers.Watch watch = watchers.add(current, watcher, instance, wake);
    // a change may have been applied between the caller's read and the registration
    Snapshot latest;
    try {
      latest = servedTo(load(where), instance);
    } catch (RuntimeException e) {
      return watch;
    }
    if (latest.supersedes(current)) {
      watchers.fire(watch, Optional.of(latest), entitledTo(latest));
    }
    return watch;
  }

  /**
   * The release cached for an environment the caller was already checked for, or {@code fallback};
   * never a database read (for answering a watch that timed out).
   */
  public Snapshot cachedOr(EnvironmentRef where, Snapshot fallback) {
    return cachedOr(where, null, fallback);
  }

  /** As {@link #cachedOr(EnvironmentRef, Snapshot)}, for running instance {@code instance}. */
  public Snapshot cachedOr(EnvironmentRef where, String instance, Snapshot fallback) {
    Snapshot cached = cache.getIfPresent(where.toString());
    return cached != null && cached.target().equals(fallback.target())
        ? servedTo(cached, instance)
        : fallback;
  }

  /** Whether the caller that started a watch may still be sent {@code release}. */
  private java.util.function.Predicate<dev.setpoint.domain.access.Caller> entitledTo(
      Snapshot release) {
    return watcher -> access.stillEntitled(watcher, release.target());
  }

  /**
   * Refuses another watch when this server already holds its most ({@link
   * DeliveryConfig#maxWatches()}): the client is told to come back shortly instead of the server
   * running out of memory for all of them.
   *
   * @throws Unavailable when the limit is reached
   */
  public void admitWatch() {
    int most = config.maxWatches();
    if (watchers.waiting() >= most) {
      refusedWatches.inc();
      throw new Unavailable(
          "This server holds as many watches as it may ("
              + most
              + "); ask without wait, or watch again shortly",
          null);
    }
  }

  /** Stops a watch that timed out or whose client went away. */
  public void unwatch(Watchers.Watch watch) {
    watchers.remove(watch);
  }

  /**
   * Notes that {@code instance} was served {@code snapshot}; kept in memory, stored in batches.
   * When the release's content was sent and holds secrets, the delivery is counted for the audit
   * trail ({@link DeliveryAudit}) under {@code caller} and {@code clientAddress}.
   */
  public void served(
      Snapshot snapshot,
      String instance,
      boolean contentSent,
      dev.setpoint.domain.access.Caller caller,
      String clientAddress) {
    if (instance != null) {
      consumers.seen(snapshot.environmentId(), instance, snapshot.number());
    }
    if (contentSent && !snapshot.secrets().isEmpty()) {
      audit.delivered(
          caller.name(), clientAddress, snapshot.target().audited().version(snapshot.number()));
    }
  }

  /**
   * Reloads what an environment serves and wakes the watchers it supersedes. Loads may finish out
   * of order (the commit hook and the poll both refresh): an older release never replaces a newer
   * one, in the cache or for a watcher.
   */
  void refresh(UUID environmentId) {
    // a change may be a token revocation on another server: check tokens against the store again
    tokenChecks.forgetAll();
    Optional<Snapshot> now = snapshots.latest(environmentId);
    String name = names.get(environmentId);
    Optional<Snapshot> serving = now;
    if (name != null) {
      staged.put(
          environmentId, now.flatMap(latest -> snapshots.staging(environmentId, latest.number())));
      if (now.isPresent()) {
        serving =
            Optional.of(
                cache
                    .asMap()
                    .merge(
                        name,
                        now.get(),
                        (held, fresh) -> fresh.number() >= held.number() ? fresh : held));
      } else {
        cache.invalidate(name);
        names.remove(environmentId, name);
        staged.remove(environmentId);
      }
    }
    Optional<Snapshot> newest = serving;
    watchers.changed(
        environmentId,
        instance -> newest.map(latest -> servedTo(latest, instance)),
        serving.isPresent() ? entitledTo(serving.get()) : watcher -> true);
  }

  /**
   * Right after a change commits on this server: the environment's cached release is dropped at
   * once, so the next read (the publisher's own, say) loads the new one, and the reload that wakes
   * watchers runs on another thread, outside the finished transaction.
   */
  void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryChanged change) {
    String name = names.get(change.environmentId());
    if (name != null) {
      cache.invalidate(name);
    }
    executor.execute(
        () -> {
          try {
            refresh(change.environmentId());
          } catch (RuntimeException e) {
            LOG.log(
                Level.WARNING,
                "Refreshing the delivery cache failed; the change poll will retry",
                e);
          }
        });
  }

  /** Set by the change poll: false while the database cannot be reached. */
  void storeReachable(boolean reachable) {
    if (reachable != storeReachable) {
      storeReachable = reachable;
      if (reachable) {
        LOG.info("Database reachable again: delivery follows new releases");
      } else {
        LOG.warning(
            () ->
                "Database unreachable: delivery serves the "
                    + cache.estimatedSize()
                    + " cached release(s) and cannot see new ones");
      }
    }
  }

  /** True when delivery can see new releases; false while it serves from its cache only. */
  public boolean storeReachable() {
    return storeReachable;
  }

  @Gauge(
      name = "setpoint.delivery.cached.releases",
      absolute = true,
      unit = "none",
      description = "Releases held in this server's delivery cache.")
  public long cachedReleases() {
    return cache.estimatedSize();
  }

  @Gauge(
      name = "setpoint.delivery.watchers",
      absolute = true,
      unit = "none",
      description = "Delivery requests waiting for a new release on this server.")
  public long waiting() {
    return watchers.waiting();
  }
}
