package dev.setpoint.domain.readiness;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The shapes the readiness rules look for, in one place: adding a debug flag, a profile key or a
 * TLS switch is one line here (and a positive and a negative fixture in {@code
 * ReadinessRulesTest}). Keys are matched case-insensitively; {@code .}, {@code _} and {@code -}
 * separate words.
 */
public final class ReadinessPatterns {

  private ReadinessPatterns() {}

  /** A key shape with the values that make it a finding. */
  public record KeyValue(Pattern key, Pattern value) {
    static KeyValue of(String key, String value) {
      return new KeyValue(
          Pattern.compile(key, Pattern.CASE_INSENSITIVE),
          Pattern.compile(value, Pattern.CASE_INSENSITIVE));
    }

    public boolean matches(String k, String v) {
      return v != null && key.matcher(k).matches() && value.matcher(v.strip()).matches();
    }
  }

  private static final String TRUTHY = "true|1|yes|on|enabled?";
  private static final String FALSY = "false|0|no|off|disabled?|none";

  /** Debug switches: {@code DEBUG}, {@code APP_DEBUG}, {@code debug}, {@code spring.debug}, … */
  public static final List<KeyValue> DEBUG =
      List.of(
          KeyValue.of("(?:.*[._-])?debug(?:[._-]?mode|[._-]enabled)?", TRUTHY),
          KeyValue.of("(?:.*[._-])?dev[._-]?mode", TRUTHY));

  /** Log levels that print internals: {@code LOG_LEVEL=debug}, {@code logging.level.root=trace}. */
  public static final List<KeyValue> VERBOSE_LOGGING =
      List.of(
          KeyValue.of(
              "(?:.*[._-])?log(?:ging)?[._-]?level(?:[._-].*)?|logging[._-].*[._-]level",
              "debug|trace|all|finest|finer|verbose"),
          KeyValue.of("quarkus\\.log\\..*level|rust_log|log", "debug|trace|all"));

  /** Development profiles and modes. */
  public static final List<KeyValue> DEVELOPMENT_PROFILE =
      List.of(
          KeyValue.of(
              "spring[._-]profiles[._-]active",
              "(?:.*,\\s*)?(?:dev|development|local)(?:\\s*,.*)?"),
          KeyValue.of("mp[._-]config[._-]profile|quarkus[._-]profile", "dev|development|local"),
          KeyValue.of("node_env", "dev|development"),
          KeyValue.of(
              "(?:app|rails|rack|flask|django|asp(?:net)?[._-]?core|dotnet)[._-]env(?:ironment)?|environment|env",
              "dev|development|local"));

  /** TLS verification switched off. */
  public static final List<KeyValue> TLS_VERIFICATION_OFF =
      List.of(
          KeyValue.of(".*(?:ssl|tls).*(?:verify|verification|validat\\w*|check\\w*).*", FALSY),
          KeyValue.of(".*insecure[._-]?skip[._-]?(?:tls[._-]?)?verify.*", TRUTHY),
          KeyValue.of("node[._-]tls[._-]reject[._-]unauthorized", "0|false"),
          KeyValue.of(".*(?:ssl|tls)[._-]?(?:mode)?", "disable|disabled|none|off"),
          KeyValue.of(".*", "(?s).*\\bsslmode=disable\\b.*"));

  /** A plain-text URL scheme (http, and the unencrypted forms of other protocols). */
  public static final Pattern PLAIN_URL =
      Pattern.compile("\\b(?:http|ws|ftp)://[^\\s\"']+", Pattern.CASE_INSENSITIVE);

  /** A URL, or a bare host value, that points at this machine. */
  public static final Pattern LOOPBACK =
      Pattern.compile(
          "(?:\\b[a-z][a-z0-9+.-]*://(?:[^/@\\s]*@)?|^|[=@])"
              + "(?:localhost|127(?:\\.\\d{1,3}){3}|\\[::1\\]|0\\.0\\.0\\.0)"
              + "(?=[:/?#]|$|\\s|,)",
          Pattern.CASE_INSENSITIVE);

  /** Key names that promise a credential. */
  public static final Pattern CREDENTIAL_KEY =
      Pattern.compile(
          ".*(?:password|passwd|pwd|secret|token|api[._-]?key|access[._-]?key|private[._-]?key"
              + "|credential|auth).*",
          Pattern.CASE_INSENSITIVE);

  /** Shortest value under a credential key name that is judged by its entropy. */
  public static final int CREDENTIAL_MIN_LENGTH = 16;

  /** Bits of Shannon entropy per character above which such a value looks random. */
  public static final double CREDENTIAL_MIN_ENTROPY = 3.5;

  /** A service token unused for this long is reported. */
  public static final java.time.Duration TOKEN_IDLE = java.time.Duration.ofDays(90);
}
