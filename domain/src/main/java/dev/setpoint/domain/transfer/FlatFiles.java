package dev.setpoint.domain.transfer;

import dev.setpoint.domain.shared.InvalidValue;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** The untyped formats: dotenv and Java properties. Every value comes out as plain text. */
final class FlatFiles {

  private FlatFiles() {}

  /**
   * Reads a dotenv file: {@code KEY=value} lines, an optional {@code export} prefix, {@code #}
   * comments, single quotes (literal) and double quotes (with {@code \n}, {@code \t}, {@code \"}
   * and {@code \\} escapes, which may span lines). A key given twice is refused.
   */
  static List<ImportedValue> dotenv(String field, String text, ImportLimits limits) {
    List<ImportedValue> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int number = i + 1;
      if (line.startsWith("export ") || line.startsWith("export\t")) {
        line = line.substring(7).stripLeading();
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        throw new InvalidValue(field, "line " + number + " must be KEY=value");
      }
      String key = line.substring(0, equals).strip();
      String rest = line.substring(equals + 1).strip();
      StringBuilder value = new StringBuilder();
      i = readValue(field, lines, i, rest, value);
      if (!seen.add(key)) {
        throw new InvalidValue(field, "line " + number + " gives key '" + key + "' again");
      }
      limits.count(field, values.size() + 1);
      values.add(new ImportedValue(key, value.toString(), ImportedValue.Shape.TEXT));
    }
    return values;
  }

  /** Reads the value that starts with {@code rest} on line {@code index}; returns its last line. */
  private static int readValue(
      String field, String[] lines, int index, String rest, StringBuilder value) {
    if (rest.startsWith("\"") || rest.startsWith("'")) {
      char quote = rest.charAt(0);
      String current = rest.substring(1);
      int line = index;
      while (true) {
        int end = closing(current, quote, value);
        if (end >= 0) {
          String after = current.substring(end + 1).strip();
          if (!after.isEmpty() && !after.startsWith("#")) {
            throw new InvalidValue(
                field, "line " + (line + 1) + " has text after the closing quote");
          }
          return line;
        }
        line++;
        if (line >= lines.length) {
          throw new InvalidValue(field, "line " + (index + 1) + " opens a quote it never closes");
        }
        value.append('\n');
        current = lines[line];
      }
    }
    int comment = rest.indexOf(" #");
    value.append((comment >= 0 ? rest.substring(0, comment) : rest).strip());
    return index;
  }

  /** Appends {@code text} up to the closing quote; its index, or -1 when the line has none. */
  private static int closing(String text, char quote, StringBuilder value) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == quote) {
        return i;
      }
      if (c == '\\' && quote == '"' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        value.append(
            switch (next) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              default -> next;
            });
      } else {
        value.append(c);
      }
    }
    return -1;
  }

  /**
   * Reads a Java properties file (escapes and continued lines as {@link Properties} reads them).
   */
  static List<ImportedValue> properties(String field, String text, ImportLimits limits) {
    Map<String, String> ordered = new LinkedHashMap<>();
    Properties properties =
        new Properties() {
          private static final long serialVersionUID = 1L;

          @Override
          public synchronized Object put(Object key, Object value) {
            ordered.put((String) key, (String) value);
            limits.count(field, ordered.size());
            return super.put(key, value);
          }
        };
    try {
      properties.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidValue(field, "is not a properties file (a malformed \\u escape)");
    }
    List<ImportedValue> values = new ArrayList<>();
    ordered.forEach((k, v) -> values.add(new ImportedValue(k, v, ImportedValue.Shape.TEXT)));
    return values;
  }
}
