package dev.setpoint.client.manage;

import dev.setpoint.client.delivery.OwnerOnlyFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The credential {@code setpoint login} stores: Setpoint's URL and the {@code Authorization} value
 * (a bearer token or JWT, or Basic), in {@code login.properties} of the user's config directory,
 * readable by its owner only.
 */
public record Login(String url, String authorization) {

  /** The file's name inside the config directory. */
  public static final String FILE = "login.properties";

  /**
   * The config directory: {@code dir} when given, else {@code $XDG_CONFIG_HOME/setpoint}, else
   * {@code ~/.config/setpoint}.
   */
  public static Path directory(String dir) {
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir);
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "setpoint");
    }
    return Path.of(System.getProperty("user.home"), ".config", "setpoint");
  }

  /** A bearer credential. */
  public static Login bearer(String url, String token) {
    return new Login(url, "Bearer " + token.strip());
  }

  /** A Basic credential. */
  public static Login basic(String url, String user, char[] password) {
    String pair = user + ":" + new String(password);
    return new Login(
        url, "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  /** The stored login, if there is one. */
  public static Optional<Login> read(Path directory) throws IOException {
    Path file = directory.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    String url = properties.getProperty("url");
    String authorization = properties.getProperty("authorization");
    if (url == null || authorization == null) {
      return Optional.empty();
    }
    return Optional.of(new Login(url, authorization));
  }

  /** Writes the login owner-only (the directory too), replacing any earlier one. */
  public Path write(Path directory) throws IOException {
    OwnerOnlyFiles.createDirectories(directory);
    Properties properties = new Properties();
    properties.setProperty("url", url);
    properties.setProperty("authorization", authorization);
    StringWriter text = new StringWriter();
    properties.store(text, "setpoint login");
    Path file = directory.resolve(FILE);
    OwnerOnlyFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    return file;
  }

  @Override
  public String toString() {
    return "Login[" + url + "]";
  }
}
