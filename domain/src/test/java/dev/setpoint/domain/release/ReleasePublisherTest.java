package dev.setpoint.domain.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.setting.DefineSetting;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.setting.SettingService;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.Precondition;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.shared.Unprocessable;
import dev.setpoint.domain.testing.InMemoryRepositories;
import dev.setpoint.domain.testing.WiredUseCases;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReleasePublisherTest {

  private InMemoryRepositories store;
  private SettingService settings;
  private EnvironmentService environments;
  private ReleasePublisher publisher;
  private ReleaseHistory releases;

  @BeforeEach
  void setUp() {
    store = new InMemoryRepositories();
    WiredUseCases wired = WiredUseCases.over(store);
    ApplicationService applications = wired.applications();
    environments = wired.environments();
    settings = wired.settings();
    releases = new ReleaseHistory(environments, store);
    publisher = wired.publisher();
    applications.create("shop", "Shop", null, null);
  }

  private void define(String key, String type, String defaultJson, boolean required) {
    settings.define(
        new DefineSetting(new Slug("shop"), new SettingKey(key), type, defaultJson, null, required),
        Precondition.none());
  }

  @Test
  void publishingNumbersReleasesPerEnvironmentAndAnnouncesTheChange() {
    define("pool.max", "integer", "10", false);
    Release first =
        publisher.publish(PublishRelease.of(EnvironmentRef.of("shop", "dev"), "first", "alice"));
    Release second =
        publisher.publish(PublishRelease.of(EnvironmentRef.of("shop", "dev"), null, "bob"));
    Release other =
        publisher.publish(PublishRelease.of(EnvironmentRef.of("shop", "staging"), null, "carol"));

    assertEquals(1, first.number());
    assertEquals(2, second.number());
    assertEquals(1, other.number(), "numbers count per environment");
    assertEquals("first", first.message());
    assertEquals("bob", second.createdBy());
    assertEquals(first.hash(), second.hash(), "same content, same hash");
    assertEquals("10", first.content().settings().get("pool.max").value());
    var dev = environments.get(EnvironmentRef.of("shop", "dev")).id();
    assertEquals(
        List.of(dev, dev, environments.get(EnvironmentRef.of("shop", "staging")).id()),
        store.announced());
  }

  @Test
  void requiredSettingsWithoutValueRefuseThePublishAndNameEveryKey() {
    define("b.required", "string", null, true);
    define("a.required", "url", null, true);
    define("optional", "string", null, false);

    Unprocessable refused =
        assertThrows(
            Unprocessable.class,
            () ->
                publisher.publish(
                    PublishRelease.of(EnvironmentRef.of("shop", "dev"), null, "alice")));
    assertEquals(
        List.of("a.required", "b.required"),
        refused.violations().stream().map(InvalidValue.Violation::field).toList());
    assertEquals(0, releases.list(EnvironmentRef.of("shop", "dev"), null, 10).items().size());
    assertEquals(List.of(), store.announced(), "nothing announced");

    settings.override(
        EnvironmentRef.of("shop", "dev"),
        new SettingKey("a.required"),
        "\"https://a.example\"",
        Precondition.none());
    settings.override(
        EnvironmentRef.of("shop", "dev"),
        new SettingKey("b.required"),
        "\"b\"",
        Precondition.none());
    Release release =
        publisher.publish(PublishRelease.of(EnvironmentRef.of("shop", "dev"), null, "alice"));
    assertEquals(2, release.content().settings().size(), "unset optional settings are left out");
  }

  @Test
  void rollbackRepeatsAnOlderContentAsTheNextRelease() {
    define("color", "string", "\"blue\"", false);
    Release blue =
        publisher.publish(PublishRelease.of(EnvironmentRef.of("shop", "dev"), null, "alice"));
    settings.override(
        EnvironmentRef.of("shop", "dev"), new SettingKey("color"), "\"red\"", Precondition.none());
    publisher.publish(PublishRelease.of(EnvironmentRef.of("shop", "dev"), null, "alice"));

    Release back =
        publisher.rollback(new RollbackRelease(EnvironmentRef.of("shop", "dev"), 1, null, "bob"));
    assertEquals(3, back.number());
    assertEquals(1, back.rolledBackFrom());
    assertEquals(blue.hash(), back.hash());
    assertEquals("Rollback to release 1", back.message());
    assertNull(blue.rolledBackFrom());

    ReleaseContent.Diff diff = releases.diff(EnvironmentRef.of("shop", "dev"), 3, 2);
    assertEquals(List.of("color"), diff.changed());
    assertThrows(
        NotFound.class,
        () ->
            publisher.rollback(
                new RollbackRelease(EnvironmentRef.of("shop", "dev"), 9, null, "bob")));
  }

  @Test
  void listsNewestFirstInPagesAndRefusesOverlongMessages() {
    for (int i = 0; i < 5; i++) {
      publisher.publish(PublishRelease.of(EnvironmentRef.of("shop", "dev"), null, "alice"));
    }
    var page = releases.list(EnvironmentRef.of("shop", "dev"), null, 2);
    assertEquals(List.of(5, 4), page.items().stream().map(Release::number).toList());
    assertEquals("4", page.nextAfter());
    var rest = releases.list(EnvironmentRef.of("shop", "dev"), 4, 10);
    assertEquals(List.of(3, 2, 1), rest.items().stream().map(Release::number).toList());
    assertNull(rest.nextAfter());

    InvalidValue tooLong =
        assertThrows(
            InvalidValue.class,
            () ->
                publisher.publish(
                    PublishRelease.of(EnvironmentRef.of("shop", "dev"), "m".repeat(501), "alice")));
    assertEquals("message", tooLong.violations().get(0).field());
  }
}
