package dev.setpoint.domain.access;

import dev.setpoint.domain.shared.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person in the built-in user store: a name and a PBKDF2 hash of the password, never more. */
@Entity
@Table(name = "users")
public class User extends Tracked {

  @Column(name = "username", nullable = false, updatable = false)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  protected User() {}

  public User(String username, String passwordHash, String createdBy, Instant now) {
    super(now);
    this.username = username;
    this.passwordHash = passwordHash;
    this.createdBy = createdBy;
  }

  public String username() {
    return username;
  }

  String passwordHash() {
    return passwordHash;
  }

  public String createdBy() {
    return createdBy;
  }

  void changePassword(String passwordHash, Instant now) {
    this.passwordHash = passwordHash;
    touch(now);
  }
}
