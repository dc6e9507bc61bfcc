package dev.setpoint.domain.transfer;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.setting.SettingRepository;
import dev.setpoint.domain.shared.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The use case comparing two environments of an application; the caller needs read on both. */
@ApplicationScoped
@Transactional
public class EnvironmentComparison {

  private final EnvironmentService environments;
  private final SettingRepository settings;
  private final SecretRepository secrets;

  /** For the CDI container's proxy only. */
  protected EnvironmentComparison() {
    this(null, null, null);
  }

  @Inject
  public EnvironmentComparison(
      EnvironmentService environments, SettingRepository settings, SecretRepository secrets) {
    this.environments = environments;
    this.settings = settings;
    this.secrets = secrets;
  }

  public Comparison compare(Slug app, Slug from, Slug to) {
    Environment source = environments.get(new EnvironmentRef(app, from));
    Environment target = environments.get(new EnvironmentRef(app, to));
    Map<String, EnvironmentValues.InForce> left = values(source);
    Map<String, EnvironmentValues.InForce> right = values(target);
    List<String> onlyInFrom = new ArrayList<>();
    List<String> onlyInTo = new ArrayList<>();
    List<Comparison.Difference> differ = new ArrayList<>();
    List<Comparison.Mismatch> mismatches = new ArrayList<>();
    int same = 0;
    for (EnvironmentValues.InForce a : left.values()) {
      EnvironmentValues.InForce b = right.get(a.key());
      if (b == null) {
        onlyInFrom.add(a.key());
      } else if (a.isSecret() != b.isSecret()) {
        mismatches.add(new Comparison.Mismatch(a.key(), a.typeName(), b.typeName()));
      } else if (a.sameAs(b)) {
        same++;
      } else {
        differ.add(
            new Comparison.Difference(
                a.key(),
                a.isSecret() ? "secret" : "setting",
                a.typeName(),
                a.isSecret() ? null : a.value(),
                b.isSecret() ? null : b.value()));
      }
    }
    right.keySet().stream().filter(k -> !left.containsKey(k)).forEach(onlyInTo::add);
    return new Comparison(from.value(), to.value(), onlyInFrom, onlyInTo, differ, mismatches, same);
  }

  private Map<String, EnvironmentValues.InForce> values(Environment environment) {
    return EnvironmentValues.of(
        TargetState.load(environment.application(), environment, settings, secrets));
  }
}
