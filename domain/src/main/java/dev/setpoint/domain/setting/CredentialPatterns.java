package dev.setpoint.domain.setting;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Shapes of values that are credentials, whatever key they are stored under. A setting is plain,
 * readable configuration; a value of one of these shapes belongs in a secret. The list is data so a
 * new shape is one line here (and a positive and a negative fixture in its test).
 */
public final class CredentialPatterns {

  /** One recognisable credential shape and the name a person knows it by. */
  public record Shape(String name, Pattern pattern) {}

  private static final List<Shape> SHAPES =
      List.of(
          new Shape(
              "private key block",
              Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")),
          new Shape(
              "AWS access key id",
              Pattern.compile("\\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\\b")),
          new Shape("Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b")),
          new Shape(
              "GitHub token",
              Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_\\w{22,})")),
          new Shape("Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}")),
          new Shape(
              "password in a URL",
              Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#\\s:@]+:[^/?#\\s@]+@")),
          new Shape(
              "JSON Web Token",
              Pattern.compile(
                  "\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{10,}")));

  private CredentialPatterns() {}

  /** The first credential shape {@code value} contains, if any. */
  public static Optional<Shape> find(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return SHAPES.stream().filter(s -> s.pattern().matcher(value).find()).findFirst();
  }

  /** Every shape, for documentation and tests. */
  public static List<Shape> shapes() {
    return SHAPES;
  }
}
