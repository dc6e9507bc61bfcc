package dev.setpoint.domain.transfer;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRepository;
import dev.setpoint.domain.audit.AuditAction;
import dev.setpoint.domain.audit.AuditTarget;
import dev.setpoint.domain.audit.AuditTrail;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.release.Release;
import dev.setpoint.domain.release.ReleaseRepository;
import dev.setpoint.domain.secret.Revealed;
import dev.setpoint.domain.secret.Secret;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.secret.SecretReveal;
import dev.setpoint.domain.secret.SecretValue;
import dev.setpoint.domain.secret.SecretVersion;
import dev.setpoint.domain.setting.SettingDefinition;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.setting.SettingOverride;
import dev.setpoint.domain.setting.SettingRepository;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.Pages;
import dev.setpoint.domain.shared.Slice;
import dev.setpoint.domain.shared.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * The use case that exports an application as a bundle (docs/bundles.md): its definitions,
 * overrides, secrets and releases metadata in one file, the secrets encrypted to a passphrase. It
 * needs the application's {@code admin} role and, for every environment holding secrets, the {@code
 * reveal} right there (a production environment's own grant); each secret read is audited as a
 * reveal, the export as {@code bundle.export} with counts only.
 */
@ApplicationScoped
@Transactional
public class ApplicationExport {

  private static final Logger LOG = Logger.getLogger(ApplicationExport.class.getName());

  /** Newest releases per environment whose metadata a bundle carries. */
  static final int RELEASES = 100;

  private final ApplicationService applications;
  private final EnvironmentRepository environments;
  private final SettingRepository settings;
  private final SecretRepository secrets;
  private final SecretReveal reveal;
  private final ReleaseRepository releases;
  private final BundleCipher cipher;
  private final RecipientCipher recipients;
  private final ImportConfig config;
  private final AuditTrail audit;
  private final Access access;
  private final Clock clock;

  /** For the CDI container's proxy only. */
  protected ApplicationExport() {
    this(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  @Inject
  public ApplicationExport(
      ApplicationService applications,
      EnvironmentRepository environments,
      SettingRepository settings,
      SecretRepository secrets,
      SecretReveal reveal,
      ReleaseRepository releases,
      BundleCipher cipher,
      RecipientCipher recipients,
      ImportConfig config,
      AuditTrail audit,
      Access access,
      Clock clock) {
    this.applications = applications;
    this.environments = environments;
    this.settings = settings;
    this.secrets = secrets;
    this.reveal = reveal;
    this.releases = releases;
    this.cipher = cipher;
    this.recipients = recipients;
    this.config = config;
    this.audit = audit;
    this.access = access;
    this.clock = clock;
  }

  /**
   * The bundle file of application {@code slug}, its secrets encrypted to {@code passphrase} or,
   * instead, to the public keyset {@code recipient} (exactly one of the two).
   */
  @Timed(
      name = "setpoint.bundle.export",
      absolute = true,
      description = "Time to export an application as a bundle.")
  public byte[] export(Slug slug, char[] passphrase, String recipient) {
    Application app = applications.get(slug);
    access.require(Action.MANAGE, app);
    if (recipient == null) {
      config.checkPassphrase(passphrase);
    } else if (passphrase != null) {
      throw new InvalidValue(
          "recipient",
          "must be absent with a passphrase: the secrets are encrypted to one of them");
    } else {
      recipients.check(recipient);
    }
    List<Environment> envs =
        Pages.all(
            page -> Slice.of(environments.list(app, page), page.limit(), e -> e.slug().value()));
    TargetState defaults = TargetState.load(app, null, settings, secrets);
    List<BundleFile.Entry> overrides = new ArrayList<>();
    List<BundleFile.Entry> secretEntries = new ArrayList<>();
    List<BundleFile.ReleaseInfo> releaseInfo = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Environment env : envs) {
      TargetState state = TargetState.load(app, env, settings, secrets);
      state.overrides.values().stream()
          .sorted(Comparator.comparing((SettingOverride o) -> o.definition().key().value()))
          .forEach(
              o ->
                  overrides.add(
                      new BundleFile.Entry(
                          env.slug().value(),
                          o.definition().key().value(),
                          o.definition().type().toJson(o.value()).toString())));
      List<Secret> live =
          state.secrets.values().stream()
              .filter(s -> !s.deleted())
              .sorted(Comparator.comparing((Secret s) -> s.key().value()))
              .toList();
      if (!live.isEmpty()) {
        access.require(Action.REVEAL, env);
      }
      for (Secret secret : live) {
        Optional<SecretVersion> current = state.current(secret);
        if (current.isEmpty()) {
          skipped.add(env.slug().value() + "." + secret.key().value() + " (no current version)");
        } else if (current.get().encoding() != null
            && !SecretValue.UTF_8.equals(current.get().encoding())) {
          skipped.add(env.slug().value() + "." + secret.key().value() + " (a binary secret)");
        } else {
          secretEntries.add(
              new BundleFile.Entry(
                  env.slug().value(), secret.key().value(), revealed(env, secret.key())));
        }
      }
      releases.list(env, null, RELEASES).stream()
          .limit(RELEASES)
          .map(r -> releaseInfo(env, r))
          .forEach(releaseInfo::add);
    }
    List<BundleFile.Definition> definitions =
        defaults.definitions.values().stream()
            .sorted(Comparator.comparing((SettingDefinition d) -> d.key().value()))
            .map(
                d ->
                    new BundleFile.Definition(
                        d.key().value(),
                        d.type().wireName(),
                        d.defaultValue() == null
                            ? null
                            : d.type().toJson(d.defaultValue()).toString(),
                        d.description(),
                        d.required()))
            .toList();
    BundleFile.Manifest manifest =
        new BundleFile.Manifest(
            new BundleFile.App(app.slug().value(), app.name(), app.description(), app.owner()),
            clock.instant().toString(),
            access.actor(),
            envs.stream()
                .map(e -> new BundleFile.Env(e.slug().value(), e.name(), e.production()))
                .toList(),
            definitions,
            overrides,
            secretEntries.stream()
                .map(s -> new BundleFile.Entry(s.environment(), s.key(), null))
                .toList(),
            releaseInfo,
            skipped);
    JsonObject readable = BundleFile.manifest(manifest);
    byte[] plaintext = BundleFile.secretValues(secretEntries);
    byte[] file;
    BundleCipher.Sealed sealed;
    try {
      byte[] associatedData = BundleFile.associatedData(readable);
      sealed =
          recipient == null
              ? cipher.seal(passphrase, plaintext, associatedData)
              : recipients.seal(recipient, plaintext, associatedData);
      file = BundleFile.write(readable, sealed);
    } finally {
      java.util.Arrays.fill(plaintext, (byte) 0);
    }
    audit.success(
        AuditAction.BUNDLE_EXPORT,
        AuditTarget.of(app),
        definitions.size()
            + " definitions, "
            + overrides.size()
            + " overrides, "
            + secretEntries.size()
            + " secrets, "
            + releaseInfo.size()
            + " releases' metadata from "
            + envs.size()
            + " environments"
            + (skipped.isEmpty() ? "" : "; " + skipped.size() + " secrets not exported")
            + (sealed.recipient() == null
                ? "; encrypted to a passphrase"
                : "; encrypted to recipient key " + sealed.recipient()));
    LOG.info(() -> "Exported application " + slug + " as a bundle (" + file.length + " bytes)");
    return file;
  }

  private String revealed(Environment env, SettingKey key) {
    Revealed value = reveal.reveal(env.ref(), key, null, access.actor());
    try {
      return value.value().text();
    } finally {
      value.value().wipe();
    }
  }

  private static BundleFile.ReleaseInfo releaseInfo(Environment env, Release release) {
    return new BundleFile.ReleaseInfo(
        env.slug().value(),
        release.number(),
        release.message(),
        release.createdBy(),
        release.createdAt().toString(),
        release.rolledBackFrom());
  }
}
