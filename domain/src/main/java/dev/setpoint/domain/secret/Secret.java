package dev.setpoint.domain.secret;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.shared.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A secret of one environment: its key, which version is current, its rotation policy, and whether
 * it is deleted (recoverable until {@code purgeAfter}).
 */
@Entity
@Table(name = "secrets")
public class Secret extends Tracked {

  @ManyToOne(optional = false)
  @JoinColumn(name = "environment_id", nullable = false, updatable = false)
  private Environment environment;

  @Column(name = "secret_key", nullable = false, updatable = false)
  private String key;

  @Column(name = "current_version", nullable = false)
  private int currentVersion;

  @Column(name = "rotation_days")
  private Integer rotationDays;

  @Column(name = "rotated_at")
  private Instant rotatedAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Column(name = "purge_after")
  private Instant purgeAfter;

  protected Secret() {}

  Secret(Environment environment, SettingKey key, Integer rotationDays, Instant now) {
    super(now);
    this.environment = environment;
    this.key = key.value();
    this.rotationDays = rotationDays;
  }

  /** Associated data binding a ciphertext to application, environment, key and version. */
  byte[] placeOf(int version) {
    String place =
        "setpoint/secret/v1|"
            + environment.application().id()
            + "|"
            + environment.id()
            + "|"
            + key
            + "|"
            + version;
    return place.getBytes(StandardCharsets.UTF_8);
  }

  /** Records that {@code version} became current; {@code rotation} marks a rotation. */
  void advanceTo(int version, boolean rotation, Instant now) {
    this.currentVersion = version;
    if (rotation || rotatedAt == null) {
      this.rotatedAt = now;
    }
    touch(now);
  }

  void changePolicy(Integer rotationDays, Instant now) {
    this.rotationDays = rotationDays;
    touch(now);
  }

  void markDeleted(Duration recoveryWindow, Instant now) {
    this.deletedAt = now;
    this.purgeAfter = now.plus(recoveryWindow);
    touch(now);
  }

  void recover(Instant now) {
    this.deletedAt = null;
    this.purgeAfter = null;
    touch(now);
  }

  /** When the current value should be rotated by its policy, or null without a policy. */
  public Instant rotationDueAt() {
    if (rotationDays == null || rotatedAt == null) {
      return null;
    }
    return rotatedAt.plus(Duration.ofDays(rotationDays));
  }

  /** True when a rotation policy exists and its deadline has passed. */
  public boolean rotationDue(Instant now) {
    Instant due = rotationDueAt();
    return due != null && !now.isBefore(due);
  }

  public Environment environment() {
    return environment;
  }

  public SettingKey key() {
    return new SettingKey(key);
  }

  public int currentVersion() {
    return currentVersion;
  }

  public Integer rotationDays() {
    return rotationDays;
  }

  public Instant rotatedAt() {
    return rotatedAt;
  }

  public Instant deletedAt() {
    return deletedAt;
  }

  public Instant purgeAfter() {
    return purgeAfter;
  }

  public boolean deleted() {
    return deletedAt != null;
  }
}
