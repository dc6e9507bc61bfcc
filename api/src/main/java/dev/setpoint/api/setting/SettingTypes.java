package dev.setpoint.api.setting;

/** The names of the value types a setting can declare. */
public final class SettingTypes {

  /** Any text. */
  public static final String STRING = "string";

  /** A whole number that fits in 64 bits. */
  public static final String INTEGER = "integer";

  /** {@code true} or {@code false}. */
  public static final String BOOLEAN = "boolean";

  /** An absolute {@code http} or {@code https} URL. */
  public static final String URL = "url";

  /** An ISO-8601 duration such as {@code PT30S}. */
  public static final String DURATION = "duration";

  /** Any JSON document. */
  public static final String JSON = "json";

  /** Regular expression matching exactly the type names above. */
  public static final String PATTERN = "^(string|integer|boolean|url|duration|json)$";

  private SettingTypes() {}
}
