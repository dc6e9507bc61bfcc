package dev.setpoint.persistence.setting;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.setting.SettingDefinition;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.setting.SettingOverride;
import dev.setpoint.domain.setting.SettingRepository;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.persistence.StoreWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/** Definitions in {@code setting_definitions}, overrides in {@code setting_overrides}. */
@ApplicationScoped
public class JpaSettingRepository implements SettingRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Override
  public Optional<SettingDefinition> findDefinition(Application application, SettingKey key) {
    return em
        .createQuery(
            "select d from SettingDefinition d where d.application = :app and d.key = :key",
            SettingDefinition.class)
        .setParameter("app", application)
        .setParameter("key", key.value())
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<SettingDefinition> definitions(Application application, PageRequest page) {
    TypedQuery<SettingDefinition> query =
        page.after() == null
            ? em.createQuery(
                "select d from SettingDefinition d where d.application = :app order by d.key",
                SettingDefinition.class)
            : em.createQuery(
                    "select d from SettingDefinition d where d.application = :app"
                        + " and d.key > :after order by d.key",
                    SettingDefinition.class)
                .setParameter("after", page.after());
    return query.setParameter("app", application).setMaxResults(page.limit() + 1).getResultList();
  }

  @Override
  public void store(SettingDefinition definition) {
    StoreWrites.store(em, definition, "Setting '" + definition.key() + "'");
  }

  @Override
  public void remove(SettingDefinition definition) {
    em.createQuery("delete from SettingOverride o where o.definition = :definition")
        .setParameter("definition", definition)
        .executeUpdate();
    StoreWrites.remove(em, definition, "Setting '" + definition.key() + "'");
  }

  @Override
  public List<Environment> environmentsOverriding(SettingDefinition definition) {
    return em.createQuery(
            "select o.environment from SettingOverride o where o.definition = :definition",
            Environment.class)
        .setParameter("definition", definition)
        .getResultList();
  }

  @Override
  public Optional<SettingOverride> findOverride(
      SettingDefinition definition, Environment environment) {
    return em
        .createQuery(
            "select o from SettingOverride o where o.definition = :definition"
                + " and o.environment = :env",
            SettingOverride.class)
        .setParameter("definition", definition)
        .setParameter("env", environment)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<SettingOverride> overridesOf(SettingDefinition definition) {
    return em.createQuery(
            "select o from SettingOverride o where o.definition = :definition",
            SettingOverride.class)
        .setParameter("definition", definition)
        .getResultList();
  }

  @Override
  public List<SettingOverride> overridesIn(
      Environment environment, List<SettingDefinition> definitions) {
    if (definitions.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select o from SettingOverride o where o.environment = :env"
                + " and o.definition in :definitions",
            SettingOverride.class)
        .setParameter("env", environment)
        .setParameter("definitions", definitions)
        .getResultList();
  }

  @Override
  public void store(SettingOverride override) {
    StoreWrites.store(em, override, "Override of '" + override.definition().key() + "'");
  }

  @Override
  public void remove(SettingOverride override) {
    StoreWrites.remove(em, override, "Override of '" + override.definition().key() + "'");
  }
}
