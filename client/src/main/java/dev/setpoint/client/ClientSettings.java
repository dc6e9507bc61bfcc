package dev.setpoint.client;

import dev.setpoint.api.ApiLimits;
import dev.setpoint.api.delivery.Delivery;
import dev.setpoint.client.delivery.DeliveryClient;
import dev.setpoint.client.delivery.ReleaseCache;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where a client finds its release and how it behaves, read from {@code SETPOINT_*} names through a
 * lookup function. {@link #systemLookup()} reads each name first as a system property (lower case,
 * underscores as dots: {@code SETPOINT_URL} is {@code setpoint.url}), then as an environment
 * variable; tests pass a {@code Map::get} instead.
 *
 * @param url Setpoint's base URL, absolute {@code http} or {@code https}, without user info
 * @param token the bearer token, or {@code null} to send none; never shown by {@link #toString()}
 * @param app the application's slug
 * @param env the environment's slug
 * @param cacheDir root of the last-known-good copies
 * @param instance this instance's id, sent in {@value Delivery#INSTANCE_HEADER}
 * @param watch whether the ConfigSource follows new releases in the background
 * @param ordinal the ConfigSource's ordinal
 * @param healthUrl the application's own readiness endpoint on loopback (e.g. {@code
 *     http://127.0.0.1:9080/health/ready}), read after each change; {@code null}: no health reports
 * @param healthWindowSeconds how long after a change the readiness is watched
 */
public record ClientSettings(
    URI url,
    String token,
    String app,
    String env,
    Path cacheDir,
    String instance,
    boolean watch,
    int ordinal,
    URI healthUrl,
    int healthWindowSeconds) {

  private static final String PREFIX = "SETPOINT_";

  /** Setpoint's base URL; without it there is no client. */
  public static final String URL = PREFIX + "URL";

  /** The service token itself. */
  public static final String TOKEN = PREFIX + "TOKEN";

  /** A file holding the service token (surrounding white space ignored). */
  public static final String TOKEN_FILE = PREFIX + "TOKEN_FILE";

  /** The application's slug. */
  public static final String APP = PREFIX + "APP";

  /** The environment's slug. */
  public static final String ENV = PREFIX + "ENV";

  /** Root of the last-known-good copies; default {@code ${user.home}/.setpoint/cache}. */
  public static final String CACHE_DIR = PREFIX + "CACHE_DIR";

  /** This instance's id; default {@code <hostname>-<pid>}. */
  public static final String INSTANCE = PREFIX + "INSTANCE";

  /** {@code true} (default) or {@code false}: follow new releases in the background. */
  public static final String WATCH = PREFIX + "WATCH";

  /** The ConfigSource's ordinal; default {@value #DEFAULT_ORDINAL}. */
  public static final String ORDINAL = PREFIX + "ORDINAL";

  /**
   * The application's own MicroProfile Health readiness URL, on loopback; when set, a DOWN within
   * {@link #HEALTH_WINDOW_SECONDS} of a change is reported to Setpoint.
   */
  public static final String HEALTH_URL = PREFIX + "HEALTH_URL";

  /** Seconds after a change during which readiness is watched; default 60. */
  public static final String HEALTH_WINDOW_SECONDS = PREFIX + "HEALTH_WINDOW_SECONDS";

  /** Below system properties (400) and environment variables (300), above the file (100). */
  public static final int DEFAULT_ORDINAL = 150;

  private static final Pattern SLUG = Pattern.compile(ApiLimits.SLUG_PATTERN);
  private static final Pattern INSTANCE_ID = Pattern.compile(Delivery.INSTANCE_PATTERN);

  /** Checks every component; the messages name the setting, never the token. */
  public ClientSettings {
    require(url != null, URL + " is required");
    require(
        url.isAbsolute()
            && url.getHost() != null
            && ("http".equalsIgnoreCase(url.getScheme())
                || "https".equalsIgnoreCase(url.getScheme())),
        URL + " must be an absolute http or https URL");
    require(url.getRawUserInfo() == null, URL + " must not carry credentials; use " + TOKEN);
    require(token == null || !token.isBlank(), "the Setpoint token is empty");
    require(app != null && SLUG.matcher(app).matches(), APP + " must be an application slug");
    require(env != null && SLUG.matcher(env).matches(), ENV + " must be an environment slug");
    require(cacheDir != null, CACHE_DIR + " is required");
    require(
        instance != null && INSTANCE_ID.matcher(instance).matches(),
        INSTANCE + " must match " + Delivery.INSTANCE_PATTERN);
    require(
        healthUrl == null || HealthReporter.onLoopback(healthUrl),
        HEALTH_URL + " must be an http(s) URL on loopback (the application's own readiness)");
    require(
        healthWindowSeconds >= 1 && healthWindowSeconds <= 3600,
        HEALTH_WINDOW_SECONDS + " must be from 1 to 3600");
  }

  /**
   * Reads the settings through {@code lookup}, which maps a {@code SETPOINT_*} name to its value or
   * {@code null}; blank values count as absent.
   *
   * @return empty when {@value #URL} is not set
   * @throws IllegalStateException when a setting is missing or invalid
   */
  public static Optional<ClientSettings> from(Function<String, String> lookup) {
    Function<String, Optional<String>> read =
        name ->
            Optional.ofNullable(lookup.apply(name)).map(String::strip).filter(v -> !v.isEmpty());
    Optional<String> url = read.apply(URL);
    if (url.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ClientSettings(
              parseUrl(url.get()),
              token(read.apply(TOKEN), read.apply(TOKEN_FILE)),
              read.apply(APP).orElseThrow(() -> missing(APP)),
              read.apply(ENV).orElseThrow(() -> missing(ENV)),
              read.apply(CACHE_DIR).map(Path::of).orElseGet(ClientSettings::defaultCacheDir),
              read.apply(INSTANCE).orElseGet(ClientSettings::defaultInstance),
              parseBoolean(WATCH, read.apply(WATCH).orElse("true")),
              parseInt(ORDINAL, read.apply(ORDINAL).orElse(String.valueOf(DEFAULT_ORDINAL))),
              read.apply(HEALTH_URL).map(ClientSettings::parseHealthUrl).orElse(null),
              parseInt(HEALTH_WINDOW_SECONDS, read.apply(HEALTH_WINDOW_SECONDS).orElse("60"))));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Invalid Setpoint client settings: " + e.getMessage(), e);
    }
  }

  /** {@link #from} over {@link #systemLookup()}. */
  public static Optional<ClientSettings> fromSystem() {
    return from(systemLookup());
  }

  /**
   * Looks a {@code SETPOINT_*} name up as a system property ({@code setpoint.url}) first, then as
   * an environment variable.
   */
  public static Function<String, String> systemLookup() {
    return name -> {
      String property = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
      return property != null ? property : System.getenv(name);
    };
  }

  /** A client for this environment's delivery endpoint. */
  public DeliveryClient deliveryClient() {
    return new DeliveryClient(url, app, env, token, instance);
  }

  /** The last-known-good copies under {@link #cacheDir()}. */
  public ReleaseCache releaseCache() {
    return new ReleaseCache(cacheDir);
  }

  @Override
  public String toString() {
    return "ClientSettings[url="
        + url
        + ", token="
        + (token == null ? "none" : "(set)")
        + ", app="
        + app
        + ", env="
        + env
        + ", cacheDir="
        + cacheDir
        + ", instance="
        + instance
        + ", watch="
        + watch
        + ", ordinal="
        + ordinal
        + ", healthUrl="
        + healthUrl
        + "]";
  }

  /** {@code ${user.home}/.setpoint/cache}. */
  public static Path defaultCacheDir() {
    return Path.of(System.getProperty("user.home"), ".setpoint", "cache");
  }

  /** {@code <hostname>-<pid>}, every character outside the instance-id alphabet as {@code -}. */
  public static String defaultInstance() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = "unknown";
      }
    }
    String id = (host + "-" + ProcessHandle.current().pid()).replaceAll("[^A-Za-z0-9_.:@-]", "-");
    return id.length() <= 128 ? id : id.substring(id.length() - 128);
  }

  private static String token(Optional<String> inline, Optional<String> file) {
    if (inline.isPresent() && file.isPresent()) {
      throw new IllegalArgumentException("set only one of " + TOKEN + " and " + TOKEN_FILE);
    }
    if (file.isEmpty()) {
      return inline.orElse(null);
    }
    try {
      String content = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip();
      if (content.isEmpty()) {
        throw new IllegalArgumentException(TOKEN_FILE + " " + file.get() + " is empty");
      }
      return content;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          TOKEN_FILE + " " + file.get() + " cannot be read: " + e.getClass().getSimpleName(), e);
    }
  }

  private static URI parseHealthUrl(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(HEALTH_URL + " is not a URL: " + e.getReason(), e);
    }
  }

  private static URI parseUrl(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(URL + " is not a URL: " + e.getReason(), e);
    }
  }

  private static boolean parseBoolean(String name, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false");
    };
  }

  private static int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer", e);
    }
  }

  private static IllegalArgumentException missing(String name) {
    return new IllegalArgumentException(name + " is required when " + URL + " is set");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
