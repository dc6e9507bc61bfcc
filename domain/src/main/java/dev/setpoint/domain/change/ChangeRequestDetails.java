package dev.setpoint.domain.change;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRepository;
import dev.setpoint.domain.readiness.ReadinessForecast;
import dev.setpoint.domain.release.Release;
import dev.setpoint.domain.release.ReleaseRepository;
import dev.setpoint.domain.review.ReviewPolicy;
import dev.setpoint.domain.secret.Secret;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.setting.SettingDefinition;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.setting.SettingOverride;
import dev.setpoint.domain.setting.SettingRepository;
import dev.setpoint.domain.shared.Pages;
import dev.setpoint.domain.shared.Slice;
import dev.setpoint.domain.shared.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes what a reviewer sees of a change request: each change against the environment now, the
 * readiness of the result, and a promotion's kept keys. Internal: the use cases check access.
 */
@ApplicationScoped
public class ChangeRequestDetails {

  private final EnvironmentRepository environments;
  private final SettingRepository settings;
  private final SecretRepository secrets;
  private final ReleaseRepository releases;
  private final ChangeProposals proposals;
  private final ReadinessForecast forecast;

  /** For the CDI container's proxy only. */
  protected ChangeRequestDetails() {
    this(null, null, null, null, null, null);
  }

  @Inject
  public ChangeRequestDetails(
      EnvironmentRepository environments,
      SettingRepository settings,
      SecretRepository secrets,
      ReleaseRepository releases,
      ChangeProposals proposals,
      ReadinessForecast forecast) {
    this.environments = environments;
    this.settings = settings;
    this.secrets = secrets;
    this.releases = releases;
    this.proposals = proposals;
    this.forecast = forecast;
  }

  ChangeRequestDetail of(ChangeRequest request, ReviewPolicy.Rule rule) {
    Environment environment = request.environment();
    List<ChangeRequestDetail.Entry> diff = new ArrayList<>();
    Map<String, String> settingsAfter = new LinkedHashMap<>();
    Set<String> written = new HashSet<>();
    Set<String> deleted = new HashSet<>();
    boolean publishes = false;
    for (ProposedChange change : request.changes()) {
      boolean moved = !proposals.currentBase(environment, change).equals(change.base());
      switch (change.op()) {
        case SET_SETTING, REMOVE_SETTING -> {
          SettingDefinition definition =
              settings
                  .findDefinition(environment.application(), new SettingKey(change.key()))
                  .orElse(null);
          Optional<SettingOverride> now =
              definition == null
                  ? Optional.empty()
                  : settings.findOverride(definition, environment);
          String before =
              now.map(SettingOverride::value)
                  .orElse(definition == null ? null : definition.defaultValue());
          String after =
              change.op() == ProposedChange.Op.SET_SETTING
                  ? stored(definition, change.value())
                  : definition == null ? null : definition.defaultValue();
          settingsAfter.put(change.key(), after);
          diff.add(
              new ChangeRequestDetail.Entry(
                  change.op().wireName(),
                  change.key(),
                  json(definition, before),
                  json(definition, after),
                  null,
                  null,
                  moved));
        }
        case SET_SECRET, DELETE_SECRET -> {
          (change.op() == ProposedChange.Op.SET_SECRET ? written : deleted).add(change.key());
          Integer version =
              secrets
                  .find(environment, new SettingKey(change.key()))
                  .filter(s -> !s.deleted() && s.currentVersion() > 0)
                  .map(Secret::currentVersion)
                  .orElse(null);
          diff.add(
              new ChangeRequestDetail.Entry(
                  change.op().wireName(), change.key(), null, null, version, null, moved));
        }
        case PUBLISH -> {
          publishes = true;
          Integer latest = releases.latest(environment).map(Release::number).orElse(null);
          diff.add(
              new ChangeRequestDetail.Entry(
                  change.op().wireName(), null, null, null, null, latest, moved));
        }
      }
    }
    return new ChangeRequestDetail(
        request,
        rule,
        diff,
        forecast.after(environment, settingsAfter, written, deleted, publishes),
        request.source() == null ? List.of() : kept(environment, request));
  }

  /** The keys with a value in the target that the promoted release does not have. */
  private List<String> kept(Environment environment, ChangeRequest request) {
    Set<String> touched = new HashSet<>();
    environments
        .find(environment.application(), new Slug(request.source().environment()))
        .flatMap(source -> releases.find(source, request.source().release()))
        .ifPresent(release -> touched.addAll(release.content().keys()));
    Set<String> kept = new TreeSet<>();
    for (SettingDefinition definition :
        Pages.all(
            page ->
                Slice.of(
                    settings.definitions(environment.application(), page),
                    page.limit(),
                    d -> d.key().value()))) {
      if (!touched.contains(definition.key().value())
          && settings.findOverride(definition, environment).isPresent()) {
        kept.add(definition.key().value());
      }
    }
    for (Secret secret :
        Pages.all(
            page ->
                Slice.of(secrets.list(environment, page), page.limit(), s -> s.key().value()))) {
      if (!secret.deleted() && !touched.contains(secret.key().value())) {
        kept.add(secret.key().value());
      }
    }
    return List.copyOf(kept);
  }

  /** A proposed value as its definition stores it; null when it no longer fits (or exists). */
  private static String stored(SettingDefinition definition, String json) {
    if (definition == null) {
      return null;
    }
    try {
      return definition.type().parse("value", json);
    } catch (dev.setpoint.domain.shared.InvalidValue e) {
      return null;
    }
  }

  private static JsonValue json(SettingDefinition definition, String value) {
    return definition == null || value == null ? null : definition.type().toJson(value);
  }
}
