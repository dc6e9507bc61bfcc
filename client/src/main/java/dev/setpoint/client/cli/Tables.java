package dev.setpoint.client.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Answers printed for people: aligned columns under a header, or the JSON as it came. */
final class Tables {

  private Tables() {}

  /** Prints {@code rows} of {@code objects} under {@code columns} (JSON member names). */
  static void print(PrintWriter out, List<JsonObject> objects, String... columns) {
    List<String[]> rows = new ArrayList<>();
    rows.add(header(columns));
    for (JsonObject object : objects) {
      String[] row = new String[columns.length];
      for (int i = 0; i < columns.length; i++) {
        row[i] = text(object.get(columns[i]));
      }
      rows.add(row);
    }
    int[] widths = new int[columns.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }

  /** A JSON value as one cell: strings bare, absent as {@code -}, newlines escaped. */
  static String text(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return "-";
    }
    String text =
        switch (value.getValueType()) {
          case STRING -> ((JsonString) value).getString();
          case NUMBER -> ((JsonNumber) value).toString();
          default -> value.toString();
        };
    return text.replace("\n", "\\n").replace("\t", "\\t");
  }

  static List<JsonObject> objects(JsonArray array) {
    return array.getValuesAs(JsonObject.class);
  }

  private static String[] header(String[] columns) {
    String[] header = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      header[i] = columns[i].toUpperCase(java.util.Locale.ROOT);
    }
    return header;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
