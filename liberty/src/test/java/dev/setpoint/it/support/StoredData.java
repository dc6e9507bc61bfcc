package dev.setpoint.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A direct JDBC connection to the database of the server under test, to check what Setpoint
 * actually stores. H2 is opened through its AUTO_SERVER mode; PostgreSQL with the credentials the
 * build generated for this run.
 */
public final class StoredData {

  private StoredData() {}

  public static Connection connect() throws SQLException, IOException {
    String url = System.getProperty("setpoint.it.jdbc.url");
    if (url != null && !url.isBlank()) {
      return DriverManager.getConnection(url, System.getProperty("setpoint.it.jdbc.user", ""), "");
    }
    Map<String, String> env = new HashMap<>();
    for (String line :
        Files.readAllLines(
            Path.of(System.getProperty("setpoint.it.serverEnv")), StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        env.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return DriverManager.getConnection(
        env.get("SETPOINT_DB_URL"), env.get("SETPOINT_DB_USER"), env.get("SETPOINT_DB_PASSWORD"));
  }
}
