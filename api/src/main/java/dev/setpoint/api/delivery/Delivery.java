package dev.setpoint.api.delivery;

import java.util.Locale;

/**
 * The delivery contract shared by the server and the client: formats, headers, limits, and how a
 * key becomes an environment-variable name.
 */
public final class Delivery {

  /** Header a running instance sends to identify itself; shown in an environment's consumers. */
  public static final String INSTANCE_HEADER = "X-Setpoint-Instance";

  /** Instance ids: 1 to 128 of letters, digits and {@code _.:@-}. */
  public static final String INSTANCE_PATTERN = "^[A-Za-z0-9_.:@-]{1,128}$";

  /** Longest watch a delivery request may ask for with {@code ?wait=}. */
  public static final int MAX_WAIT_SECONDS = 60;

  /** Flat JSON object, the default format. */
  public static final String FORMAT_JSON = "json";

  /** Java {@code .properties}, ASCII with {@code \\uXXXX} escapes. */
  public static final String FORMAT_PROPERTIES = "properties";

  /** {@code NAME='value'} lines with keys mapped by {@link #environmentName}. */
  public static final String FORMAT_DOTENV = "dotenv";

  /** Variables a shell or the dynamic loader acts on: setting one from configuration runs code. */
  private static final java.util.Set<String> INTERPRETED =
      java.util.Set.of(
          "BASH_ENV",
          "ENV",
          "SHELLOPTS",
          "BASHOPTS",
          "IFS",
          "PATH",
          "CDPATH",
          "PS1",
          "PS2",
          "PS4",
          "PROMPT_COMMAND",
          "GLOBIGNORE",
          "JAVA_TOOL_OPTIONS",
          "JDK_JAVA_OPTIONS",
          "_JAVA_OPTIONS");

  private static final java.util.List<String> INTERPRETED_PREFIXES =
      java.util.List.of("LD_", "DYLD_", "BASH_FUNC_");

  private Delivery() {}

  /**
   * Whether an environment-variable name is one that shells, the dynamic loader or the JVM act on
   * (e.g. {@code BASH_ENV}, {@code LD_PRELOAD}, {@code PATH}, {@code JAVA_TOOL_OPTIONS}): delivery
   * as variables refuses such keys, since whoever may edit a setting could otherwise run code in
   * every process that receives it.
   */
  public static boolean interpretedName(String name) {
    return INTERPRETED.contains(name) || INTERPRETED_PREFIXES.stream().anyMatch(name::startsWith);
  }

  /**
   * The environment-variable name of a key: upper case, every character other than a letter, digit
   * or underscore becomes an underscore. {@code db.pool.max} and {@code db-pool-max} both give
   * {@code DB_POOL_MAX}.
   */
  public static String environmentName(String key) {
    StringBuilder name = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      name.append(plain || c == '_' ? c : '_');
    }
    return name.toString().toUpperCase(Locale.ROOT);
  }
}
