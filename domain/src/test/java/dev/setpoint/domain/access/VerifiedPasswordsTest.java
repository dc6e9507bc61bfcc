package dev.setpoint.domain.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the remembered password checks match, and that zero turns them off. */
class VerifiedPasswordsTest {

  private final char[] password = ("pw-" + UUID.randomUUID()).toCharArray();

  @Test
  void aRememberedPasswordMatchesOnlyTheSameUserAndStoredHash() {
    VerifiedPasswords verified = new VerifiedPasswords(Duration.ofMinutes(5));
    assertFalse(verified.matches("alice", password, "hash-1"), "nothing remembered yet");
    verified.remember("alice", password, "hash-1");
    assertTrue(verified.matches("alice", password, "hash-1"));
    assertFalse(verified.matches("alice", password, "hash-2"), "the stored hash changed");
    assertFalse(verified.matches("bob", password, "hash-1"), "another user");
    assertFalse(verified.matches("alice", ("x" + new String(password)).toCharArray(), "hash-1"));
  }

  @Test
  void twoInstancesShareNothingAndZeroRemembersNothing() {
    VerifiedPasswords one = new VerifiedPasswords(Duration.ofMinutes(5));
    one.remember("alice", password, "hash-1");
    assertFalse(new VerifiedPasswords(Duration.ofMinutes(5)).matches("alice", password, "hash-1"));

    VerifiedPasswords off = new VerifiedPasswords(Duration.ZERO);
    off.remember("alice", password, "hash-1");
    assertFalse(off.matches("alice", password, "hash-1"));
  }
}
