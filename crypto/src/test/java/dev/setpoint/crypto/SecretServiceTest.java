package dev.setpoint.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.secret.Revealed;
import dev.setpoint.domain.secret.RewrapBatch;
import dev.setpoint.domain.secret.SecretDetail;
import dev.setpoint.domain.secret.SecretPurge;
import dev.setpoint.domain.secret.SecretReveal;
import dev.setpoint.domain.secret.SecretService;
import dev.setpoint.domain.secret.SecretState;
import dev.setpoint.domain.secret.SecretVersion;
import dev.setpoint.domain.secret.SecretWriter;
import dev.setpoint.domain.secret.SecretsConfig;
import dev.setpoint.domain.secret.SecretsConfig.ReusePolicy;
import dev.setpoint.domain.secret.WriteSecret;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.testing.InMemoryRepositories;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The secret use cases over real Tink encryption and in-memory repositories. */
class SecretServiceTest {

  private final InMemoryRepositories store = new InMemoryRepositories();
  private final String firstKey = Keys.randomBase64();

  private TinkEnvelope envelope(String... keys) {
    TinkEnvelope envelope =
        new TinkEnvelope(
            () -> new MasterKeyRing(List.of(keys).stream().map(MasterKey::fromBase64).toList()));
    envelope.load();
    return envelope;
  }

  /** The secret use cases and the housekeeping purge, over one store. */
  private record Secrets(
      SecretService lifecycle, SecretWriter writer, SecretReveal reveals, SecretPurge purge) {
    SecretDetail write(
        String app,
        String env,
        String key,
        String value,
        String encoding,
        Integer rotationDays,
        String actor) {
      return writer.write(
          new WriteSecret(EnvironmentRef.of(app, env), new SettingKey(key), value, encoding, actor),
          rotationDays);
    }

    SecretDetail rotate(
        String app, String env, String key, String value, String encoding, String actor) {
      return writer.rotate(
          new WriteSecret(
              EnvironmentRef.of(app, env), new SettingKey(key), value, encoding, actor));
    }

    Revealed reveal(String app, String env, String key, Integer version, String actor) {
      return reveals.reveal(EnvironmentRef.of(app, env), new SettingKey(key), version, actor);
    }

    SecretDetail get(String app, String env, String key) {
      return lifecycle.get(EnvironmentRef.of(app, env), new SettingKey(key));
    }

    void delete(String app, String env, String key) {
      lifecycle.delete(EnvironmentRef.of(app, env), new SettingKey(key));
    }

    int purgeExpired() {
      return purge.purgeExpired();
    }
  }

  private Secrets service(TinkEnvelope envelope, SecretsConfig config) {
    ApplicationService applications =
        new ApplicationService(
            store, store, store, store, store.access(), store.auditTrail(), store.clock);
    if (store.list(new dev.setpoint.domain.shared.PageRequest(null, 1)).isEmpty()) {
      applications.create("shop", "Shop", null, null);
    }
    EnvironmentService environments =
        new EnvironmentService(
            applications, store, store, store.access(), store.auditTrail(), store.clock);
    return new Secrets(
        new SecretService(
            environments,
            store,
            config,
            store,
            store.access(),
            store.auditTrail(),
            store.changeControl(),
            store.clock),
        new SecretWriter(
            environments,
            store,
            envelope,
            config,
            store.access(),
            store.auditTrail(),
            store.changeControl(),
            store.clock),
        new SecretReveal(
            environments, store, envelope, store.access(), store.auditTrail(), store.clock),
        new SecretPurge(store, store, store.auditTrail(), store.clock));
  }

  private static SecretsConfig config(Duration grace, Duration window, ReusePolicy reuse) {
    return new SecretsConfig(65_536, grace, window, reuse);
  }

  private static String value() {
    return "v-" + UUID.randomUUID();
  }

  @Test
  void reuseInProductionIsRejectedOrOnlyWarnedByPolicy() {
    String shared = value();
    Secrets rejecting =
        service(
            envelope(firstKey),
            config(Duration.ofHours(1), Duration.ofDays(1), ReusePolicy.REJECT));
    rejecting.write("shop", "staging", "DB", shared, null, null, "t");
    assertThrows(
        Conflict.class, () -> rejecting.write("shop", "production", "DB", shared, null, null, "t"));

    Secrets warning =
        service(
            envelope(firstKey), config(Duration.ofHours(1), Duration.ofDays(1), ReusePolicy.WARN));
    assertEquals(
        1,
        warning
            .write("shop", "production", "DB", shared, null, null, "t")
            .secret()
            .currentVersion());
  }

  @Test
  void afterTheGracePeriodTheRotatedVersionCanNoLongerBeRevealed() {
    Secrets service =
        service(envelope(firstKey), config(Duration.ZERO, Duration.ofDays(1), ReusePolicy.REJECT));
    String old = value();
    service.write("shop", "dev", "TOKEN", old, null, null, "t");
    String fresh = value();
    service.rotate("shop", "dev", "TOKEN", fresh, null, "t");
    assertEquals(fresh, service.reveal("shop", "dev", "TOKEN", null, "t").value().text());
    assertThrows(Conflict.class, () -> service.reveal("shop", "dev", "TOKEN", 1, "t"));
    SecretVersion first = service.get("shop", "dev", "TOKEN").versions().get(1);
    assertEquals(SecretState.RETIRED, first.stateAt(Instant.now()));
  }

  @Test
  void theHousekeepingPurgeDestroysSecretsPastTheirRecoveryWindow() {
    Secrets service =
        service(envelope(firstKey), config(Duration.ofHours(1), Duration.ZERO, ReusePolicy.REJECT));
    service.write("shop", "dev", "OLD", value(), null, null, "t");
    service.write("shop", "dev", "KEEP", value(), null, null, "t");
    service.delete("shop", "dev", "OLD");
    assertEquals(1, service.purgeExpired());
    service
        .get("shop", "dev", "OLD")
        .versions()
        .forEach(v -> assertEquals(SecretState.DESTROYED, v.state()));
    assertTrue(service.get("shop", "dev", "KEEP").versions().get(0).sealed() != null);
  }

  @Test
  void rewrapMovesEveryReadableVersionAndReportsTheUnreadableOnes() {
    Secrets before =
        service(
            envelope(firstKey),
            config(Duration.ofHours(1), Duration.ofDays(1), ReusePolicy.REJECT));
    String a = value();
    String b = value();
    before.write("shop", "dev", "A", a, null, null, "t");
    before.write("shop", "dev", "B", b, null, null, "t");
    before.write("shop", "dev", "A", value(), null, null, "t");

    String secondKey = Keys.randomBase64();
    TinkEnvelope rotated = envelope(secondKey, firstKey);
    // make B's stored data key unreadable: wrap it for another place
    SecretVersion brokenVersion = before.get("shop", "dev", "B").versions().get(0);
    SecretVersion donor = before.get("shop", "dev", "A").versions().get(0);
    setSealed(brokenVersion, donor);

    RewrapBatch batch = new RewrapBatch(store, rotated, store.clock);
    RewrapBatch.Outcome outcome = batch.rewrapNext(100, Set.of());
    assertEquals(2, outcome.moved(), "both versions of A");
    assertEquals(Set.of(brokenVersion.id()), outcome.unreadable());
    assertEquals(
        0, batch.rewrapNext(100, outcome.unreadable()).moved(), "nothing left but the broken one");
    assertEquals(1, store.countWrappedByOtherThan(rotated.primaryKeyId()));

    Secrets after =
        service(
            envelope(secondKey),
            config(Duration.ofHours(1), Duration.ofDays(1), ReusePolicy.REJECT));
    assertEquals(2, after.reveal("shop", "dev", "A", null, "t").version());
  }

  /** Copies one version's sealed value onto another, as a tampered row would be. */
  private static void setSealed(SecretVersion target, SecretVersion source) {
    try {
      var reseal =
          SecretVersion.class.getDeclaredMethod(
              "reseal", dev.setpoint.domain.secret.Envelope.Sealed.class, Instant.class);
      reseal.setAccessible(true);
      reseal.invoke(target, source.sealed(), Instant.now());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
