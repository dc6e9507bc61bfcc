package dev.setpoint.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The rule that makes the trail tamper-evident: {@code hash(n) = SHA-256(hash(n-1) ‖
 * canonical(n))}, starting from 32 zero bytes. The canonical form is version-tagged text in which
 * every field is written as {@code <length>:<value>} (UTF-16 length) or {@code ~} when absent, in a
 * fixed order, so no two different events share it and anyone can recompute it from an export.
 */
public final class AuditChain {

  /** The hash before the first event. */
  public static final String GENESIS = "0".repeat(64);

  private static final HexFormat HEX = HexFormat.of();

  private AuditChain() {}

  /** The canonical text of {@code record} at {@code sequence}. */
  public static String canonical(long sequence, AuditRecord record) {
    AuditTarget target = record.target();
    StringBuilder text = new StringBuilder("setpoint-audit-v1|");
    field(text, Long.toString(sequence));
    field(text, record.at().toString());
    field(text, record.actor());
    field(text, record.action().wireName());
    field(text, target.applicationId() == null ? null : target.applicationId().toString());
    field(text, target.application());
    field(text, target.environment());
    field(text, target.key());
    field(text, target.version() == null ? null : target.version().toString());
    field(text, record.outcome().wireName());
    field(text, record.clientAddress());
    field(text, record.requestId());
    field(text, record.detail());
    return text.toString();
  }

  private static void field(StringBuilder text, String value) {
    if (value == null) {
      text.append('~');
    } else {
      text.append(value.length()).append(':').append(value);
    }
  }

  /**
   * The hash of {@code record} placed at {@code sequence} after an event hashed {@code previous}.
   */
  public static String hash(String previous, long sequence, AuditRecord record) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    sha256.update(HEX.parseHex(previous));
    sha256.update(canonical(sequence, record).getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(sha256.digest());
  }

  /** {@code record} placed after {@code head}. */
  public static AuditEvent next(Position head, AuditRecord record) {
    long sequence = head.sequence() + 1;
    return new AuditEvent(sequence, record, hash(head.hash(), sequence, record));
  }

  /**
   * A point in the chain: the sequence and hash of an event (0 and {@link #GENESIS} before any).
   */
  public record Position(long sequence, String hash) {

    public static final Position START = new Position(0, GENESIS);

    public static Position of(AuditEvent event) {
      return new Position(event.sequence(), event.hash());
    }
  }
}
