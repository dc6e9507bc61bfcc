package dev.setpoint.domain.delivery;

import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.shared.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Use case: the running instances of an environment seen by delivery, for its readers. */
@ApplicationScoped
public class Consumers {

  @Inject ConsumerLog log;

  @Inject DeliveryFeed feed;

  @Inject EnvironmentService environments;

  /**
   * The consumers of an environment ordered by instance id, this server's latest sightings included
   * when they can be written now (otherwise they follow with the next batch).
   */
  public Slice<Consumer> list(EnvironmentRef where, String after, int limit) {
    log.flushQuietly();
    return feed.consumers(environments.get(where), after, limit);
  }
}
