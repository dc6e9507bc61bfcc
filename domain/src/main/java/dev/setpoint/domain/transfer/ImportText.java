package dev.setpoint.domain.transfer;

import dev.setpoint.domain.shared.InvalidValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A file's bytes as text: strict UTF-8, no control characters but tab and line breaks. */
final class ImportText {

  private ImportText() {}

  /**
   * Decodes {@code bytes}, refusing what is not UTF-8 text.
   *
   * @param field the name the refusal gives ({@code body}, or a file inside a ZIP)
   */
  static String decode(String field, byte[] bytes) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidValue(field, "must be UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        int line = (int) text.substring(0, i).chars().filter(ch -> ch == '\n').count() + 1;
        throw new InvalidValue(
            field,
            "must be text without control characters (found U+"
                + String.format("%04X", (int) c)
                + " on line "
                + line
                + ")");
      }
    }
    return text;
  }
}
