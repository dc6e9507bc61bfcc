package dev.setpoint.domain.testing;

import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.release.NextRelease;
import dev.setpoint.domain.release.ReleasePublisher;
import dev.setpoint.domain.setting.SettingService;

/**
 * The catalogue, setting and publishing use cases wired over one in-memory store, as the container
 * wires them (publishing gated by nothing).
 *
 * @param applications registering and reading applications
 * @param environments their environments
 * @param settings definitions and overrides
 * @param publisher publishing releases
 */
public record WiredUseCases(
    ApplicationService applications,
    EnvironmentService environments,
    SettingService settings,
    ReleasePublisher publisher) {

  /** The use cases over {@code store}, deciding access for its caller. */
  public static WiredUseCases over(InMemoryRepositories store) {
    ApplicationService applications =
        new ApplicationService(
            store, store, store, store, store.access(), store.auditTrail(), store.clock);
    EnvironmentService environments =
        new EnvironmentService(
            applications, store, store, store.access(), store.auditTrail(), store.clock);
    SettingService settings =
        new SettingService(
            applications,
            environments,
            store,
            store.access(),
            store.auditTrail(),
            store.changeControl(),
            store.clock);
    ReleasePublisher publisher =
        new ReleasePublisher(
            environments,
            new NextRelease(settings, store, store),
            store,
            store,
            store,
            store.access(),
            store.auditTrail(),
            (environment, reason) -> {},
            store.changeControl(),
            store.clock);
    return new WiredUseCases(applications, environments, settings, publisher);
  }
}
