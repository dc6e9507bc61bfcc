package dev.setpoint.api.delivery;

/**
 * The escaping of the {@code properties} delivery format, shared by the server that renders it and
 * the client that keeps a copy on disk: pure ASCII, read back exactly by both {@code
 * Properties.load(Reader)} and {@code Properties.load(InputStream)}.
 */
public final class PropertiesText {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PropertiesText() {}

  /** Appends {@code key=value} and a newline. */
  public static void appendLine(StringBuilder out, String key, String value) {
    escape(out, key, true);
    out.append('=');
    escape(out, value, false);
    out.append('\n');
  }

  /**
   * Appends {@code text} escaped as {@code Properties.store} does: backslash, separators ({@code =
   * :}), comment starters ({@code # !}), control characters, spaces (all of them in a key, a
   * leading one in a value) and every character outside printable ASCII as {@code \}{@code uXXXX}.
   */
  public static void escape(StringBuilder out, String text, boolean key) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\f' -> out.append("\\f");
        case '=', ':', '#', '!' -> out.append('\\').append(c);
        case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append("\\u")
                .append(HEX[(c >> 12) & 0xF])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
