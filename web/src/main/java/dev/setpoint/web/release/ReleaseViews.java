package dev.setpoint.web.release;

import dev.setpoint.api.release.ConsumerView;
import dev.setpoint.api.release.ReleaseView;
import dev.setpoint.domain.delivery.Consumer;
import dev.setpoint.domain.release.Release;
import dev.setpoint.domain.release.ReleaseContent;
import dev.setpoint.domain.rollout.Rollout;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Maps releases and consumers to their API records. */
public final class ReleaseViews {

  private ReleaseViews() {}

  /** A release without its content, for lists and for publish answers. */
  public static ReleaseView summary(Release release) {
    return new ReleaseView(
        release.number(),
        release.hash(),
        release.createdAt(),
        release.createdBy(),
        release.message(),
        release.rolledBackFrom(),
        null,
        null);
  }

  /** A release with its frozen settings and pinned secret versions. */
  static ReleaseView detail(Release release) {
    ReleaseContent content = release.content();
    Map<String, String> settings = new LinkedHashMap<>();
    content.settings().forEach((key, setting) -> settings.put(key, setting.value()));
    return new ReleaseView(
        release.number(),
        release.hash(),
        release.createdAt(),
        release.createdBy(),
        release.message(),
        release.rolledBackFrom(),
        settings,
        new LinkedHashMap<>(content.secrets()));
  }

  static ConsumerView of(Consumer consumer, Integer latest, Optional<Rollout> underWay) {
    return new ConsumerView(
        consumer.instance(),
        consumer.releaseNumber(),
        consumer.lastSeenAt(),
        latest != null && consumer.releaseNumber() == latest,
        underWay.map(r -> r.covers(consumer.instance()) ? "candidate" : "stable").orElse(null));
  }
}
