package dev.setpoint.domain.release;

import dev.setpoint.api.ApiLimits;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.shared.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An immutable, numbered snapshot of an environment's resolved settings and secret versions. Once
 * stored, nothing in it changes; a rollback is a new release with an older one's content.
 */
@Entity
@Table(name = "releases")
public class Release extends Tracked {

  /** Longest release message. */
  public static final int MAX_MESSAGE_LENGTH = ApiLimits.MAX_MESSAGE_LENGTH;

  @ManyToOne(optional = false)
  @JoinColumn(name = "environment_id", nullable = false, updatable = false)
  private Environment environment;

  @Column(name = "release_number", nullable = false, updatable = false)
  private int number;

  @Column(name = "content_hash", nullable = false, updatable = false)
  private String hash;

  @Column(name = "message", updatable = false)
  private String message;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "content", nullable = false, updatable = false)
  private String content;

  @Column(name = "rolled_back_from", updatable = false)
  private Integer rolledBackFrom;

  protected Release() {}

  Release(
      Environment environment,
      int number,
      ReleaseContent content,
      String message,
      String createdBy,
      Integer rolledBackFrom,
      Instant now) {
    super(now);
    this.environment = environment;
    this.number = number;
    this.content = content.canonical();
    this.hash = content.hash();
    this.message = message;
    this.createdBy = createdBy;
    this.rolledBackFrom = rolledBackFrom;
  }

  public Environment environment() {
    return environment;
  }

  public int number() {
    return number;
  }

  /** SHA-256 of the canonical content: equal content, equal hash. */
  public String hash() {
    return hash;
  }

  public String message() {
    return message;
  }

  public String createdBy() {
    return createdBy;
  }

  /** The number of the release whose content this one repeats, when it is a rollback. */
  public Integer rolledBackFrom() {
    return rolledBackFrom;
  }

  public ReleaseContent content() {
    return ReleaseContent.parse(content);
  }
}
