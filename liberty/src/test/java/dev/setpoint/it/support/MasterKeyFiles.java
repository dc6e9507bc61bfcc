package dev.setpoint.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The master keys of the server under test as an operator changes them: its key file (owner-only,
 * named by {@code SETPOINT_MASTER_KEY_FILE} in server.env), fresh random keys, and the key ids that
 * wrap an application's stored secrets. A restart makes a change take effect.
 */
public final class MasterKeyFiles {

  private MasterKeyFiles() {}

  /** A fresh 256-bit key, Base64 as a key file holds it (generated: no key is written down). */
  public static String randomKey() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  /** {@code first}, then {@code rest}. */
  public static List<String> prepend(String first, List<String> rest) {
    List<String> keys = new ArrayList<>();
    keys.add(first);
    keys.addAll(rest);
    return keys;
  }

  /** The keys the server uses now: its key file if the environment names one, else the dev key. */
  public static List<String> currentKeys() throws IOException {
    Path keyFile =
        serverEnv().stream()
            .filter(l -> l.startsWith("SETPOINT_MASTER_KEY_FILE="))
            .map(l -> Path.of(l.substring(l.indexOf('=') + 1)))
            .findFirst()
            .orElse(TestServer.serverDirectory().resolve("setpoint-master-key"));
    return Files.readAllLines(keyFile, StandardCharsets.UTF_8).stream()
        .map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  /** Writes a key file (owner-only) and points the server's environment at it. */
  public static void useKeys(List<String> keys) throws IOException {
    Path keyFile = TestServer.serverDirectory().resolve("it-master-keys");
    Files.deleteIfExists(keyFile);
    Files.createFile(
        keyFile,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(keyFile, String.join("\n", keys) + "\n", StandardCharsets.UTF_8);
    List<String> env =
        new ArrayList<>(
            serverEnv().stream().filter(l -> !l.startsWith("SETPOINT_MASTER_KEY_FILE=")).toList());
    env.add("SETPOINT_MASTER_KEY_FILE=" + keyFile);
    Files.write(TestServer.serverDirectory().resolve("server.env"), env, StandardCharsets.UTF_8);
  }

  /** The master-key ids wrapping the data keys of one application, read from the database. */
  public static List<String> keyIdsOf(String app) throws Exception {
    List<String> ids = new ArrayList<>();
    try (var db = StoredData.connect();
        var query =
            db.prepareStatement(
                "select distinct v.key_id from secret_versions v join secrets s on s.id ="
                    + " v.secret_id join environments e on e.id = s.environment_id join"
                    + " applications a on a.id = e.application_id where a.slug = ?")) {
      query.setString(1, app);
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  /** The lines of the server's server.env (none when it has none). */
  public static List<String> serverEnv() throws IOException {
    Path env = TestServer.serverDirectory().resolve("server.env");
    return Files.exists(env) ? Files.readAllLines(env, StandardCharsets.UTF_8) : List.of();
  }
}
