package dev.setpoint.client.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the human part of an {@code application/problem+json} body ({@code detail}, else {@code
 * title}) without a JSON library: a regular expression over the top-level string members, then JSON
 * string unescaping.
 */
final class ProblemDetail {

  private static final Pattern MEMBER =
      Pattern.compile("\"(detail|title)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final int MAX_LENGTH = 500;

  private ProblemDetail() {}

  /** The {@code detail} of the problem, or its {@code title}, or empty when neither is there. */
  static Optional<String> of(byte[] body) {
    String json = new String(body, StandardCharsets.UTF_8);
    String title = null;
    Matcher member = MEMBER.matcher(json);
    while (member.find()) {
      String text = unescape(member.group(2));
      if (member.group(1).equals("detail")) {
        return Optional.of(shorten(text));
      }
      title = text;
    }
    return Optional.ofNullable(title).map(ProblemDetail::shorten);
  }

  private static String shorten(String text) {
    String line = text.replaceAll("\\p{Cntrl}", " ").strip();
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "…";
  }

  private static String unescape(String escaped) {
    StringBuilder out = new StringBuilder(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c != '\\' || i + 1 == escaped.length()) {
        out.append(c);
        continue;
      }
      char next = escaped.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (i + 4 < escaped.length()
              && escaped.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
            out.append((char) Integer.parseInt(escaped.substring(i + 1, i + 5), 16));
            i += 4;
          } else {
            out.append("\\u");
          }
        }
        default -> out.append(next);
      }
    }
    return out.toString();
  }
}
