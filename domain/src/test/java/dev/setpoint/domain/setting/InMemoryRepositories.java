package dev.setpoint.domain.setting;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.ApplicationRepository;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRepository;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slug;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** The three repositories over plain lists, for testing the services without a database. */
final class InMemoryRepositories
    implements ApplicationRepository, EnvironmentRepository, SettingRepository {

  private final List<Application> applications = new ArrayList<>();
  private final List<Environment> environments = new ArrayList<>();
  private final List<SettingDefinition> definitions = new ArrayList<>();
  private final List<SettingOverride> overrides = new ArrayList<>();

  private static <T> List<T> page(Stream<T> items, Function<T, String> key, PageRequest page) {
    return items
        .filter(i -> page.after() == null || key.apply(i).compareTo(page.after()) > 0)
        .sorted(Comparator.comparing(key))
        .limit(page.limit() + 1L)
        .toList();
  }

  private static <T> void keep(List<T> list, T item) {
    if (!list.contains(item)) {
      list.add(item);
    }
  }

  @Override
  public Optional<Application> find(Slug slug) {
    return applications.stream().filter(a -> a.slug().equals(slug)).findFirst();
  }

  @Override
  public List<Application> list(PageRequest page) {
    return page(applications.stream(), a -> a.slug().value(), page);
  }

  @Override
  public void store(Application application) {
    keep(applications, application);
  }

  @Override
  public void remove(Application application) {
    overrides.removeIf(o -> o.definition().application() == application);
    definitions.removeIf(d -> d.application() == application);
    environments.removeIf(e -> e.application() == application);
    applications.remove(application);
  }

  @Override
  public Optional<Environment> find(Application application, Slug slug) {
    return environments.stream()
        .filter(e -> e.application() == application && e.slug().equals(slug))
        .findFirst();
  }

  @Override
  public List<Environment> list(Application application, PageRequest page) {
    return page(
        environments.stream().filter(e -> e.application() == application),
        e -> e.slug().value(),
        page);
  }

  @Override
  public void store(Environment environment) {
    keep(environments, environment);
  }

  @Override
  public void remove(Environment environment) {
    overrides.removeIf(o -> o.environment() == environment);
    environments.remove(environment);
  }

  @Override
  public Optional<SettingDefinition> findDefinition(Application application, SettingKey key) {
    return definitions.stream()
        .filter(d -> d.application() == application && d.key().equals(key))
        .findFirst();
  }

  @Override
  public List<SettingDefinition> definitions(Application application, PageRequest page) {
    return page(
        definitions.stream().filter(d -> d.application() == application),
        d -> d.key().value(),
        page);
  }

  @Override
  public void store(SettingDefinition definition) {
    keep(definitions, definition);
  }

  @Override
  public void remove(SettingDefinition definition) {
    overrides.removeIf(o -> o.definition() == definition);
    definitions.remove(definition);
  }

  @Override
  public Optional<SettingOverride> findOverride(
      SettingDefinition definition, Environment environment) {
    return overrides.stream()
        .filter(o -> o.definition() == definition && o.environment() == environment)
        .findFirst();
  }

  @Override
  public List<SettingOverride> overridesOf(SettingDefinition definition) {
    return overrides.stream().filter(o -> o.definition() == definition).toList();
  }

  @Override
  public List<SettingOverride> overridesIn(
      Environment environment, List<SettingDefinition> wanted) {
    return overrides.stream()
        .filter(o -> o.environment() == environment && wanted.contains(o.definition()))
        .toList();
  }

  @Override
  public void store(SettingOverride override) {
    keep(overrides, override);
  }

  @Override
  public void remove(SettingOverride override) {
    overrides.remove(override);
  }
}
