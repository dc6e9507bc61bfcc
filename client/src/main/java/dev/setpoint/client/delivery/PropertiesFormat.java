package dev.setpoint.client.delivery;

import dev.setpoint.api.delivery.PropertiesText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Java {@code .properties} format as Setpoint renders it: one {@code key=value} line per
 * setting, ASCII only, everything else as {@code \}{@code uXXXX} escapes. Parsing is {@link
 * Properties#load(Reader)}; rendering writes sorted keys without the date comment {@link
 * Properties#store} would add, so the same values always give the same bytes.
 */
public final class PropertiesFormat {

  private PropertiesFormat() {}

  /**
   * Reads a {@code .properties} body. Bytes are decoded as UTF-8, which reads the escaped ASCII
   * form Setpoint sends and also tolerates raw UTF-8.
   *
   * @throws IllegalArgumentException when the body is malformed (e.g. a broken {@code \}{@code u}
   *     escape)
   */
  public static Map<String, String> parse(byte[] body) {
    Properties properties = new Properties();
    try (Reader reader =
        new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> values = new TreeMap<>();
    properties.forEach((key, value) -> values.put((String) key, (String) value));
    return values;
  }

  /**
   * Writes values in {@code .properties} form, keys sorted, each comment line prefixed with {@code
   * #}.
   */
  public static String render(Map<String, String> values, String... comments) {
    StringBuilder out = new StringBuilder();
    for (String comment : comments) {
      out.append('#').append(comment.replaceAll("[\\r\\n]", " ")).append('\n');
    }
    new TreeMap<>(values).forEach((key, value) -> PropertiesText.appendLine(out, key, value));
    return out.toString();
  }
}
