package dev.setpoint.api;

/** Formats and limits that are part of the public contract (see shared/API.md). */
public final class ApiLimits {

  /** Application and environment slugs: lower case, starting with a letter, 2 to 63 characters. */
  public static final String SLUG_PATTERN = "^[a-z][a-z0-9-]{1,62}$";

  /**
   * Setting and secret keys: a letter or underscore, then up to 127 of letters, digits, {@code
   * _.-}.
   */
  public static final String KEY_PATTERN = "^[A-Za-z_][A-Za-z0-9_.-]{0,127}$";

  /** Page size used when a list request gives no {@code limit}. */
  public static final int DEFAULT_PAGE_SIZE = 50;

  /** Largest page a list request may ask for. */
  public static final int MAX_PAGE_SIZE = 500;

  /** Longest display name of an application or environment. */
  public static final int MAX_NAME_LENGTH = 200;

  /** Longest free-text description. */
  public static final int MAX_DESCRIPTION_LENGTH = 2000;

  /**
   * Longest free-text reason or message: a release's message, the reason for publishing over
   * critical findings, a suppression's reason.
   */
  public static final int MAX_MESSAGE_LENGTH = 500;

  /** Furthest ahead a readiness suppression may expire, in days. */
  public static final int MAX_SUPPRESSION_DAYS = 365;

  /** Shortest rotation policy of a secret, in days. */
  public static final int MIN_ROTATION_DAYS = 1;

  /** Longest rotation policy of a secret, in days (ten years). */
  public static final int MAX_ROTATION_DAYS = 3650;

  /** Longest name of a service token. */
  public static final int MAX_TOKEN_NAME_LENGTH = 100;

  /** Shortest password of a built-in user. */
  public static final int MIN_PASSWORD_LENGTH = 12;

  /** Longest password of a built-in user. */
  public static final int MAX_PASSWORD_LENGTH = 256;

  /** Header carrying the request id, accepted from the caller and always echoed. */
  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  private ApiLimits() {}
}
