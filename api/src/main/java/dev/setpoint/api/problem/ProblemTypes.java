package dev.setpoint.api.problem;

/** The problem type URIs Setpoint answers with; one per kind of failure. */
public final class ProblemTypes {

  /** The media type of every error body (RFC 9457). */
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final String BASE = "urn:setpoint:problem:";

  /** A field broke a rule; {@code errors} lists each field and rule. */
  public static final String VALIDATION = BASE + "validation";

  /** The body is not valid JSON, or not the JSON this resource reads. */
  public static final String MALFORMED_BODY = BASE + "malformed-body";

  /**
   * The request itself could not be read: a path with an encoded slash, backslash or dot segment,
   * or an escape that is not percent-encoded UTF-8.
   */
  public static final String MALFORMED_REQUEST = BASE + "malformed-request";

  /** The body is larger than the server accepts ({@code setpoint.http.max-body-bytes}). */
  public static final String BODY_TOO_LARGE = BASE + "body-too-large";

  /** The body carries a property this resource does not know. */
  public static final String UNKNOWN_PROPERTY = BASE + "unknown-property";

  /** The resource does not exist. */
  public static final String NOT_FOUND = BASE + "not-found";

  /** The request conflicts with the current state (duplicate slug or key, dependent data). */
  public static final String CONFLICT = BASE + "conflict";

  /** {@code If-Match} did not match the current entity tag: someone else changed it first. */
  public static final String PRECONDITION_FAILED = BASE + "precondition-failed";

  /**
   * The request is well formed but what is stored does not allow it (a release with required
   * settings unset); {@code errors} names each key and the rule.
   */
  public static final String UNPROCESSABLE = BASE + "unprocessable";

  /**
   * The request carries no credentials, or credentials that are not valid (see WWW-Authenticate).
   */
  public static final String UNAUTHENTICATED = BASE + "unauthenticated";

  /** The caller is known but not allowed to do this; the role it lacks is named in detail. */
  public static final String FORBIDDEN = BASE + "forbidden";

  /** Too many requests (or failed logins) from this caller or address; see Retry-After. */
  public static final String RATE_LIMITED = BASE + "rate-limited";

  /** The method is not supported on this path. */
  public static final String METHOD_NOT_ALLOWED = BASE + "method-not-allowed";

  /** The request body's media type is not supported. */
  public static final String UNSUPPORTED_MEDIA_TYPE = BASE + "unsupported-media-type";

  /** None of the media types in {@code Accept} can be produced. */
  public static final String NOT_ACCEPTABLE = BASE + "not-acceptable";

  /** Setpoint cannot serve right now (starting, or its database is unreachable). */
  public static final String UNAVAILABLE = BASE + "unavailable";

  /** The master keys that protect secrets are not loaded; nothing secret can be read or written. */
  public static final String SECRETS_UNAVAILABLE = BASE + "secrets-unavailable";

  /** A stored secret failed its integrity check (moved, altered, or its master key is missing). */
  public static final String SECRET_UNDECRYPTABLE = BASE + "secret-undecryptable";

  /**
   * A direct write to an environment whose review policy asks for approvals: nothing was written;
   * propose the change as a change request instead (409).
   */
  public static final String CHANGE_REQUEST_REQUIRED = BASE + "change-request-required";

  /**
   * A change request whose base moved (a key it writes, or the latest release, changed since it was
   * proposed): it is now stale and nothing was applied (409).
   */
  public static final String CHANGE_REQUEST_STALE = BASE + "change-request-stale";

  /** Any other HTTP-level failure, its status telling which. */
  public static final String HTTP = BASE + "http";

  /** An unexpected failure on Setpoint's side; the details are in its log under the request id. */
  public static final String INTERNAL = BASE + "internal";

  private ProblemTypes() {}
}
