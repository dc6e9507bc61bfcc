package dev.setpoint.domain.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.shared.Slug;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretLifecycleTest {

  private final Application app =
      new Application(new Slug("shop"), "Shop", null, null, Instant.now());
  private final Environment production =
      new Environment(app, new Slug("production"), "Prod", true, Instant.now());
  private final Environment staging =
      new Environment(app, new Slug("staging"), "Staging", false, Instant.now());

  private static SecretVersion version(Secret secret, int number) {
    return new SecretVersion(
        secret,
        number,
        "tester",
        SecretValue.UTF_8,
        new Envelope.Sealed("k000000000001", new byte[] {1}, new byte[] {2}),
        new Envelope.Fingerprint("k000000000001", new byte[] {3}),
        Instant.now());
  }

  @Test
  void aPreviousVersionIsValidUntilItsGraceEndsThenCountsAsRetired() {
    Secret secret = new Secret(production, new SettingKey("DB_PASSWORD"), null, Instant.now());
    SecretVersion v1 = version(secret, 1);
    Instant now = Instant.now();
    v1.keepValidUntil(now.plusSeconds(60), Instant.now());
    assertEquals(SecretState.PREVIOUS, v1.stateAt(now));
    assertEquals(SecretState.PREVIOUS, v1.stateAt(now.plusSeconds(59)));
    assertEquals(SecretState.RETIRED, v1.stateAt(now.plusSeconds(60)));
  }

  @Test
  void destroyingRemovesTheSealedValueButKeepsTheHistory() {
    Secret secret = new Secret(production, new SettingKey("API_KEY"), null, Instant.now());
    SecretVersion v1 = version(secret, 1);
    v1.destroy(Instant.now());
    assertEquals(SecretState.DESTROYED, v1.stateAt(Instant.now()));
    assertNull(v1.sealed());
    assertNull(v1.keyId());
    assertNull(v1.fingerprint());
    assertEquals("tester", v1.createdBy());
  }

  @Test
  void thePlaceBindsApplicationEnvironmentKeyAndVersion() {
    Secret prod = new Secret(production, new SettingKey("TOKEN"), null, Instant.now());
    Secret stage = new Secret(staging, new SettingKey("TOKEN"), null, Instant.now());
    Secret other = new Secret(production, new SettingKey("OTHER"), null, Instant.now());
    assertFalse(Arrays.equals(prod.placeOf(1), prod.placeOf(2)));
    assertFalse(Arrays.equals(prod.placeOf(1), stage.placeOf(1)));
    assertFalse(Arrays.equals(prod.placeOf(1), other.placeOf(1)));
    assertTrue(Arrays.equals(prod.placeOf(1), prod.placeOf(1)));
  }

  @Test
  void rotationIsDueOnceThePolicyDeadlinePasses() {
    Secret secret = new Secret(production, new SettingKey("CERT"), 30, Instant.now());
    assertNull(secret.rotationDueAt(), "nothing to rotate before the first value");
    secret.advanceTo(1, false, Instant.now());
    Instant due = secret.rotationDueAt();
    assertEquals(Duration.ofDays(30), Duration.between(secret.rotatedAt(), due));
    assertFalse(secret.rotationDue(due.minusSeconds(1)));
    assertTrue(secret.rotationDue(due));

    Secret noPolicy = new Secret(production, new SettingKey("PLAIN"), null, Instant.now());
    noPolicy.advanceTo(1, false, Instant.now());
    assertFalse(noPolicy.rotationDue(Instant.now().plus(Duration.ofDays(10_000))));
  }

  @Test
  void aDeletedSecretIsRecoverableUntilTheWindowEnds() {
    Secret secret = new Secret(production, new SettingKey("OLD"), null, Instant.now());
    secret.markDeleted(Duration.ofDays(7), Instant.now());
    assertTrue(secret.deleted());
    assertEquals(Duration.ofDays(7), Duration.between(secret.deletedAt(), secret.purgeAfter()));
    secret.recover(Instant.now());
    assertFalse(secret.deleted());
    assertNull(secret.purgeAfter());
    assertNotEquals(null, secret.updatedAt());
  }
}
