package dev.setpoint.domain.readiness;

import java.util.Arrays;
import java.util.Optional;

/**
 * The production-readiness checklist as rules: each has an id, a severity, the checklist item it
 * enforces, a message and a remediation. docs/readiness.md's catalogue is checked against this list
 * by a test. The patterns the rules match are in {@link ReadinessPatterns}; the checks in {@link
 * ReadinessRules}.
 */
public enum ReadinessRule {
  DEBUG_IN_PRODUCTION(
      "debug-in-production",
      Severity.CRITICAL,
      "No debug output in production",
      "Debug output is switched on in a production environment",
      "Set the key to false (or remove it) in this environment; debug output leaks internals"),
  VERBOSE_LOGGING_IN_PRODUCTION(
      "verbose-logging-in-production",
      Severity.CRITICAL,
      "No debug output in production",
      "A log level of debug, trace or all is set in a production environment",
      "Use info or warn in production; raise the level only briefly while investigating"),
  DEVELOPMENT_PROFILE_IN_PRODUCTION(
      "development-profile-in-production",
      Severity.CRITICAL,
      "No development profile in production",
      "A development profile is active in a production environment",
      "Set the production profile (e.g. prod) for this environment"),
  CREDENTIAL_IN_SETTING(
      "credential-in-setting",
      Severity.CRITICAL,
      "Credentials are secrets, not settings",
      "A plain setting holds what looks like a credential",
      "Move the value into a secret (PUT …/secrets/{key}), rotate it, and delete the setting"),
  SECRET_SHARED_BETWEEN_ENVIRONMENTS(
      "secret-shared-between-environments",
      Severity.CRITICAL,
      "Every environment has its own secrets",
      "This secret has the same value as a secret of another environment of the application",
      "Give each environment its own credential: rotate this secret to a new value"),
  SECRET_ROTATION_OVERDUE(
      "secret-rotation-overdue",
      Severity.HIGH,
      "Secrets are rotated on schedule",
      "The secret is older than its rotation policy allows",
      "Rotate it (POST …/secrets/{key}/rotate) and update the credential at its source"),
  SECRET_WITHOUT_ROTATION_POLICY(
      "secret-without-rotation-policy",
      Severity.MEDIUM,
      "Secrets are rotated on schedule",
      "A production secret has no rotation policy",
      "Set rotationDays when writing the secret, e.g. 90"),
  TOKEN_WITHOUT_EXPIRY(
      "token-without-expiry",
      Severity.MEDIUM,
      "Credentials expire",
      "A service token that can read this environment never expires",
      "Issue a replacement with expiresAt, roll it out, and revoke this one"),
  TOKEN_UNUSED(
      "token-unused",
      Severity.LOW,
      "Unused credentials are removed",
      "A service token that can read this environment has not been used for 90 days",
      "Revoke it if nothing uses it any more"),
  PLAIN_HTTP_URL(
      "plain-http-url",
      Severity.HIGH,
      "Production traffic is encrypted",
      "A production setting holds a plain http:// URL",
      "Use https:// (or the protocol's TLS form) for production endpoints"),
  LOOPBACK_URL(
      "loopback-url",
      Severity.HIGH,
      "Production points at production endpoints",
      "A production setting points at localhost or a loopback address",
      "Point it at the production endpoint; loopback values are usually copied from development"),
  TLS_VERIFICATION_DISABLED(
      "tls-verification-disabled",
      Severity.HIGH,
      "TLS certificates are verified",
      "A production setting switches TLS certificate verification off",
      "Turn verification on and trust the right CA instead (e.g. sslmode=verify-full)"),
  REQUIRED_SETTING_MISSING(
      "required-setting-missing",
      Severity.HIGH,
      "Required settings have values",
      "A required setting has no value in this environment",
      "Give it a value in this environment, or a default"),
  DRIFT_FROM_STAGING(
      "drift-from-staging",
      Severity.MEDIUM,
      "Production is tested in staging",
      "Production and staging do not have the same keys",
      "Add the key to the environment that lacks it, so staging tests what production runs"),
  PRODUCTION_WITHOUT_RELEASE(
      "production-without-release",
      Severity.HIGH,
      "Production serves a published release",
      "This production environment has never been released",
      "Publish a release (POST …/releases) once the configuration is complete"),
  UNPUBLISHED_CHANGES(
      "unpublished-changes",
      Severity.MEDIUM,
      "What production serves is what was reviewed",
      "The environment has changes that are not in its current release",
      "Publish a release, or undo the changes");

  private final String id;
  private final Severity severity;
  private final String checklistItem;
  private final String message;
  private final String remediation;

  ReadinessRule(
      String id, Severity severity, String checklistItem, String message, String remediation) {
    this.id = id;
    this.severity = severity;
    this.checklistItem = checklistItem;
    this.message = message;
    this.remediation = remediation;
  }

  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  public String checklistItem() {
    return checklistItem;
  }

  public String message() {
    return message;
  }

  public String remediation() {
    return remediation;
  }

  public static Optional<ReadinessRule> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
