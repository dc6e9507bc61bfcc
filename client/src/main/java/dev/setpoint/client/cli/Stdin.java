package dev.setpoint.client.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A secret value as the commands read it: from a file or standard input, never an argument. */
final class Stdin {

  private Stdin() {}

  /** The file's content, or standard input's; one trailing line break is dropped. */
  static String value(Path file) throws IOException {
    byte[] bytes = file == null ? System.in.readAllBytes() : Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
