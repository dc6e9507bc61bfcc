package dev.setpoint.domain.transfer;

import dev.setpoint.domain.shared.InvalidValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The file formats an import reads, by their name in {@code ?format=}. */
public enum ImportFormat {
  DOTENV("dotenv"),
  PROPERTIES("properties"),
  YAML("yaml"),
  JSON("json"),
  SPRING("spring");

  private static final String NAMES =
      Arrays.stream(values()).map(ImportFormat::wireName).collect(Collectors.joining(", "));

  private final String wireName;

  ImportFormat(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /**
   * The format asked for: {@code format} when given, else the one the media type names ({@code
   * text/plain} is a dotenv file).
   *
   * @throws InvalidValue naming {@code format} when neither says which
   */
  public static ImportFormat of(String format, String mediaType) {
    if (format != null && !format.isBlank()) {
      return Arrays.stream(values())
          .filter(f -> f.wireName.equals(format.trim().toLowerCase(Locale.ROOT)))
          .findFirst()
          .orElseThrow(() -> new InvalidValue("format", "must be one of " + NAMES));
    }
    return fromMediaType(mediaType)
        .orElseThrow(
            () ->
                new InvalidValue(
                    "format",
                    "must be given (one of " + NAMES + ") when the Content-Type does not say it"));
  }

  private static Optional<ImportFormat> fromMediaType(String mediaType) {
    if (mediaType == null) {
      return Optional.empty();
    }
    String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "text/plain" -> Optional.of(DOTENV);
      case "text/x-java-properties" -> Optional.of(PROPERTIES);
      case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" ->
          Optional.of(YAML);
      case "application/json" -> Optional.of(JSON);
      case "application/zip" -> Optional.of(SPRING);
      default -> Optional.empty();
    };
  }
}
