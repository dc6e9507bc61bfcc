package dev.setpoint.domain.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.access.Caller;
import dev.setpoint.domain.access.Role;
import dev.setpoint.domain.access.RoleBinding;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.search.SearchHit.Kind;
import dev.setpoint.domain.setting.SettingType;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slice;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.testing.InMemoryRepositories;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search across applications: what the caller may see, the text's rule, the order and pages. */
class SearchServiceTest {

  private final InMemoryRepositories store = new InMemoryRepositories();
  private final Catalog catalog = new Catalog();
  private SearchService search;
  private Application shop;

  /** Answers fixed hits and records which applications each query was limited to. */
  private final class Catalog implements CatalogSearch {
    final List<Optional<Set<UUID>>> asked = new ArrayList<>();
    List<SearchHit> overrides = List.of();
    List<SearchHit> secrets = List.of();

    @Override
    public List<SearchHit> applications(String text, Optional<Set<UUID>> among, int limit) {
      asked.add(among);
      return List.of(new SearchHit(Kind.APPLICATION, shop, null, null, "slug", null, null));
    }

    @Override
    public List<SearchHit> definitions(String text, Optional<Set<UUID>> among, int limit) {
      asked.add(among);
      return List.of(
          new SearchHit(Kind.SETTING, shop, null, "b.key", "key", SettingType.STRING, "x"));
    }

    @Override
    public List<SearchHit> overrides(String text, Optional<Set<UUID>> among, int limit) {
      asked.add(among);
      return overrides;
    }

    @Override
    public List<SearchHit> secrets(String text, Optional<Set<UUID>> among, int limit) {
      asked.add(among);
      return secrets;
    }
  }

  @BeforeEach
  void setUp() {
    ApplicationService applications =
        new ApplicationService(
            store, store, store, store, store.access(), store.auditTrail(), store.clock);
    shop = applications.create("shop", "Shop", null, null);
    applications.create("other", "Other", null, null);
    search = new SearchService(catalog, store.access());
  }

  private Environment env(Application application, String slug) {
    return store.find(application, new Slug(slug)).orElseThrow();
  }

  private SearchHit override(String env) {
    return new SearchHit(
        Kind.SETTING, shop, env(shop, env), "a.key", "value", SettingType.STRING, "needle");
  }

  @Test
  void aPersonWithARoleOnOneEnvironmentSearchesItsApplicationAndReadsOnlyThatEnvironment() {
    store.store(
        new RoleBinding("vic", Role.VIEWER, null, env(shop, "dev"), "test", store.clock.instant()));
    store.caller = Caller.builtInUser("vic");
    catalog.overrides = List.of(override("dev"), override("staging"));
    catalog.secrets =
        List.of(new SearchHit(Kind.SECRET, shop, env(shop, "production"), "DB", "key", null, null));

    List<SearchHit> hits = search.search("needle", PageRequest.first(50)).items();
    assertTrue(
        catalog.asked.stream().allMatch(a -> a.equals(Optional.of(Set.of(shop.id())))),
        "every query is limited to the visible application: " + catalog.asked);
    assertEquals(3, hits.size(), hits::toString);
    assertEquals(Kind.APPLICATION, hits.get(0).kind());
    assertEquals("a.key", hits.get(1).key());
    assertEquals("dev", hits.get(1).environment().slug().value(), "staging is not readable");
    assertEquals("b.key", hits.get(2).key());
  }

  @Test
  void someoneWhoSeesNoApplicationFindsNothingAndNothingIsRead() {
    store.caller = Caller.builtInUser("stranger");
    assertEquals(List.of(), search.search("shop", PageRequest.first(50)).items());
    assertTrue(catalog.asked.isEmpty(), "no query ran");
  }

  @Test
  void theTextMustBeTwoTo128CharactersForEveryoneWhoMaySearch() {
    store.caller = Caller.builtInUser("stranger");
    for (String text : new String[] {null, "", " a ", "x".repeat(129)}) {
      InvalidValue refused =
          assertThrows(InvalidValue.class, () -> search.search(text, PageRequest.first(5)));
      assertEquals("q", refused.violations().get(0).field());
    }
  }

  @Test
  void pagesFollowTheOrderOfApplicationKindKeyAndEnvironment() {
    catalog.overrides = List.of(override("staging"), override("dev"));
    Slice<SearchHit> first = search.search("needle", PageRequest.first(2));
    assertEquals(
        List.of(Kind.APPLICATION, Kind.SETTING),
        first.items().stream().map(SearchHit::kind).toList());
    assertEquals("dev", first.items().get(1).environment().slug().value());
    Slice<SearchHit> second = search.search("needle", new PageRequest(first.nextAfter(), 2));
    assertEquals("staging", second.items().get(0).environment().slug().value());
    assertEquals("b.key", second.items().get(1).key());
    assertNull(second.nextAfter(), "the last page");
  }
}
