package dev.setpoint.domain.transfer;

/**
 * One key and value as a file gave it, before any type is decided: the text and what the file said
 * about its shape ({@link Shape#TEXT} when the format has no types, as dotenv and properties).
 */
public record ImportedValue(String key, String text, Shape shape) {

  /** What a file said a value is. */
  public enum Shape {
    /** Untyped text (dotenv, properties): every type is inferred from it. */
    TEXT,
    /** A quoted string of a typed format: never read as a number or a boolean. */
    STRING,
    NUMBER,
    BOOLEAN,
    /** A list (or a structure inside one), kept whole as JSON text. */
    JSON,
    /** An explicit null: nothing to import. */
    NULL
  }

  @Override
  public String toString() {
    // the text may be a credential: only the key and the shape are printed
    return "ImportedValue[" + key + " " + shape + "]";
  }
}
