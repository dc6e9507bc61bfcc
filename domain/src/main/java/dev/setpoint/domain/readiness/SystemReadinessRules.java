package dev.setpoint.domain.readiness;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.platform.ProfileConfig;
import dev.setpoint.domain.platform.RateLimitConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * The checklist applied to Setpoint itself: its own running configuration, read through
 * MicroProfile Config (Liberty's variables included). Findings are reported, never fatal; {@code
 * /health/ready} stays about the ability to serve.
 */
@ApplicationScoped
public class SystemReadinessRules {

  /** One rule about Setpoint's own configuration; {@code failing} says when it is a finding. */
  public record Rule(
      String id,
      Severity severity,
      String setting,
      String message,
      String remediation,
      Predicate<Running> failing) {}

  /**
   * What the rules look at: the profile and the rate limits through their config beans, every other
   * setting as Setpoint's configuration holds it (Liberty's variables included).
   */
  public record Running(ProfileConfig profile, RateLimitConfig rateLimits, Config config) {

    /** The named setting, when set and not blank. */
    Optional<String> value(String name) {
      return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
    }
  }

  /** A finding of the self-check. */
  public record Check(Rule rule) {}

  private static final Pattern VERBOSE_TRACE =
      Pattern.compile("=(?:debug|fine|finer|finest|all)\\b", Pattern.CASE_INSENSITIVE);

  /** The rules, as data; docs/readiness.md lists them. */
  public static final List<Rule> RULES =
      List.of(
          new Rule(
              "system-not-prod-profile",
              Severity.CRITICAL,
              "SETPOINT_PROFILE",
              "Setpoint runs with the dev profile",
              "Set SETPOINT_PROFILE=prod",
              c -> !c.profile().prod()),
          new Rule(
              "system-https-off",
              Severity.HIGH,
              "SETPOINT_PROFILE",
              "Plain HTTP is served (only the prod profile listens on HTTPS alone)",
              "Run the prod profile with SETPOINT_TLS_KEYSTORE and SETPOINT_TLS_KEYSTORE_PASSWORD",
              c -> !c.profile().prod()),
          new Rule(
              "system-debug-logging",
              Severity.HIGH,
              "SETPOINT_TRACE_SPEC",
              "Debug or finer tracing is switched on",
              "Set SETPOINT_TRACE_SPEC=*=info (prod ignores it)",
              c ->
                  c.value("SETPOINT_TRACE_SPEC")
                      .map(t -> VERBOSE_TRACE.matcher(t).find())
                      .orElse(false)),
          new Rule(
              "system-master-key-generated",
              Severity.CRITICAL,
              "SETPOINT_MASTER_KEY_FILE",
              "The master key was generated next to the data instead of read from a file or KMS",
              "Set SETPOINT_MASTER_KEY_FILE to a key file mounted from your secret store",
              c -> c.value("SETPOINT_MASTER_KEY_FILE").isEmpty()),
          new Rule(
              "system-admin-password-generated",
              Severity.HIGH,
              "SETPOINT_ADMIN_PASSWORD",
              "The admin password was generated at first start (and printed in the log)",
              "Set SETPOINT_ADMIN_PASSWORD from your secret store, or sign in through OIDC only",
              c -> c.value("SETPOINT_ADMIN_PASSWORD").isEmpty() && !c.profile().prod()),
          new Rule(
              "system-embedded-database",
              Severity.CRITICAL,
              "SETPOINT_DB_URL",
              "The embedded H2 database is in use",
              "Point SETPOINT_DB_URL at PostgreSQL",
              c -> c.value("SETPOINT_DB_URL").map(u -> u.startsWith("jdbc:h2:")).orElse(true)),
          new Rule(
              "system-pool-unbounded",
              Severity.MEDIUM,
              "SETPOINT_DB_POOL_MAX",
              "The connection pool has no sensible upper limit",
              "Set SETPOINT_DB_POOL_MAX to a number between 1 and 500",
              c -> !boundedPool(c.value("SETPOINT_DB_POOL_MAX").orElse(""))),
          new Rule(
              "system-rate-limits-off",
              Severity.HIGH,
              "SETPOINT_RATE_LIMIT_ENABLED",
              "Rate limits are switched off",
              "Remove SETPOINT_RATE_LIMIT_ENABLED=false",
              c -> !c.rateLimits().enabled()),
          new Rule(
              "system-backup-not-configured",
              Severity.HIGH,
              "SETPOINT_BACKUP_SCHEDULE",
              "No database backup is declared",
              "Set up backups (docs/backups.md) and describe them in SETPOINT_BACKUP_SCHEDULE",
              c -> c.value("setpoint.backup.schedule").isEmpty()));

  @Inject Config config;
  @Inject ProfileConfig profile;
  @Inject RateLimitConfig rateLimits;
  @Inject Access access;

  /** The findings of this server's configuration; platform admins only. */
  public List<Check> check() {
    access.requirePlatformAdmin();
    Running running = new Running(profile, rateLimits, config);
    List<Check> found = new ArrayList<>();
    for (Rule rule : RULES) {
      if (rule.failing().test(running)) {
        found.add(new Check(rule));
      }
    }
    return found;
  }

  private static boolean boundedPool(String text) {
    try {
      int max = Integer.parseInt(text.strip());
      return max >= 1 && max <= 500;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
