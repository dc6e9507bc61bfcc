package dev.setpoint.domain.search;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Searches every application the caller may see: applications by slug and name, settings by key and
 * value (defaults for whoever sees the application, an environment's overrides for whoever may read
 * that environment), secrets by key name only. Nothing of an application the caller cannot see is
 * read at all, so no count, order or timing tells of one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SearchService {

  /** The shortest and longest text searched for. */
  public static final int MIN_LENGTH = 2;

  public static final int MAX_LENGTH = 128;

  /** The most matches of each kind a search reads; narrow the text to see past it. */
  public static final int MAX_PER_KIND = 1000;

  private final CatalogSearch catalog;
  private final Access access;

  /** For the CDI container's proxy only. */
  protected SearchService() {
    this(null, null);
  }

  @Inject
  public SearchService(CatalogSearch catalog, Access access) {
    this.catalog = catalog;
    this.access = access;
  }

  /** One page of what contains {@code text}, ordered by application, kind, key, environment. */
  public Slice<SearchHit> search(String text, PageRequest page) {
    Optional<Set<UUID>> visible = getAccess().visibleApplications();
    // the text's rule is checked for everyone who may search, whatever they see
    String wanted = normalized(text);
    if (visible.isPresent() && visible.get().isEmpty()) {
      return new Slice<>(List.of(), null);
    }
    List<SearchHit> hits = new ArrayList<>();
    hits.addAll(getCatalog().applications(wanted, visible, MAX_PER_KIND));
    hits.addAll(getCatalog().definitions(wanted, visible, MAX_PER_KIND));
    hits.addAll(readable(getCatalog().overrides(wanted, visible, MAX_PER_KIND)));
    hits.addAll(readable(getCatalog().secrets(wanted, visible, MAX_PER_KIND)));
    List<SearchHit> ordered =
        hits.stream()
            .filter(h -> page.after() == null || h.sortKey().compareTo(page.after()) > 0)
            .sorted(Comparator.comparing(SearchHit::sortKey))
            .limit(page.limit() + 1L)
            .toList();
    return Slice.of(ordered, page.limit(), SearchHit::sortKey);
  }

  /** The hits in environments the caller may read (an environment grant may not cover all). */
  private List<SearchHit> readable(List<SearchHit> hits) {
    List<Environment> environments =
        hits.stream().map(SearchHit::environment).distinct().collect(Collectors.toList());
    Set<UUID> permitted = new HashSet<>();
    getAccess().permitted(Action.READ, environments).forEach(e -> permitted.add(e.id()));
    return hits.stream().filter(h -> permitted.contains(h.environment().id())).toList();
  }

  private static String normalized(String text) {
    String stripped = text == null ? "" : text.strip();
    if (stripped.length() < MIN_LENGTH || stripped.length() > MAX_LENGTH) {
      throw new InvalidValue(
          "q", "must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
    }
    return stripped.toLowerCase(Locale.ROOT);
  }

  private CatalogSearch getCatalog() {
    return catalog;
  }

  private Access getAccess() {
    return access;
  }
}
