package dev.setpoint.persistence.search;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.search.CatalogSearch;
import dev.setpoint.domain.search.SearchHit;
import dev.setpoint.domain.search.SearchHit.Kind;
import dev.setpoint.domain.secret.Secret;
import dev.setpoint.domain.setting.SettingDefinition;
import dev.setpoint.domain.setting.SettingOverride;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Case-insensitive containment ({@code lower(…) like '%text%'}, the text's {@code %}, {@code _} and
 * {@code \} escaped) over slugs, names, keys and stored values; the same on H2 and PostgreSQL.
 * Every query is limited to the visible applications in the database, so nothing of another
 * application is read.
 */
@ApplicationScoped
public class JpaCatalogSearch implements CatalogSearch {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Override
  public List<SearchHit> applications(String text, Optional<Set<UUID>> among, int limit) {
    return found(
        "select a from Application a where (lower(a.slug) like :text escape '\\'"
            + " or lower(a.name) like :text escape '\\')"
            + among(among, "a.id"),
        Application.class,
        text,
        among,
        limit,
        a ->
            new SearchHit(
                Kind.APPLICATION,
                a,
                null,
                null,
                a.slug().value().contains(text) ? "slug" : "name",
                null,
                null));
  }

  @Override
  public List<SearchHit> definitions(String text, Optional<Set<UUID>> among, int limit) {
    return found(
        "select d from SettingDefinition d join fetch d.application a"
            + " where (lower(d.key) like :text escape '\\'"
            + " or lower(d.defaultValue) like :text escape '\\')"
            + among(among, "a.id"),
        SettingDefinition.class,
        text,
        among,
        limit,
        d -> {
          boolean byKey = d.key().value().toLowerCase(Locale.ROOT).contains(text);
          return new SearchHit(
              Kind.SETTING,
              d.application(),
              null,
              d.key().value(),
              byKey ? "key" : "value",
              d.type(),
              d.defaultValue());
        });
  }

  @Override
  public List<SearchHit> overrides(String text, Optional<Set<UUID>> among, int limit) {
    return found(
        "select o from SettingOverride o join fetch o.definition d"
            + " join fetch d.application a join fetch o.environment e"
            + " where lower(o.value) like :text escape '\\'"
            + among(among, "a.id"),
        SettingOverride.class,
        text,
        among,
        limit,
        o ->
            new SearchHit(
                Kind.SETTING,
                o.definition().application(),
                o.environment(),
                o.definition().key().value(),
                "value",
                o.definition().type(),
                o.value()));
  }

  @Override
  public List<SearchHit> secrets(String text, Optional<Set<UUID>> among, int limit) {
    return found(
        "select s from Secret s join fetch s.environment e join fetch e.application a"
            + " where s.deletedAt is null and lower(s.key) like :text escape '\\'"
            + among(among, "a.id"),
        Secret.class,
        text,
        among,
        limit,
        s ->
            new SearchHit(
                Kind.SECRET,
                s.environment().application(),
                s.environment(),
                s.key().value(),
                "key",
                null,
                null));
  }

  private static String among(Optional<Set<UUID>> among, String column) {
    return among.isPresent() ? " and " + column + " in :among" : "";
  }

  /** The hits of a query whose text parameter is {@code text}, among {@code among}. */
  private <T> List<SearchHit> found(
      String jpql,
      Class<T> type,
      String text,
      Optional<Set<UUID>> among,
      int limit,
      Function<T, SearchHit> hit) {
    TypedQuery<T> query =
        em.createQuery(jpql, type).setParameter("text", "%" + escaped(text) + "%");
    among.ifPresent(ids -> query.setParameter("among", ids));
    return query.setMaxResults(limit).getResultList().stream().map(hit).toList();
  }

  /** The text as a literal inside a LIKE pattern. */
  static String escaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
