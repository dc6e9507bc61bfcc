package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Data written before a server restart is there after it (the H2 file and PostgreSQL alike). */
class RestartIT {

  private final SetpointClient client = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  /**
   * Also what was only noted in memory just before the stop: the instance that fetched the release
   * (its sighting is stored every few seconds) is listed after the restart. And the stop itself is
   * clean: no FFDC and no warning of Setpoint's between the shutdown request and the end
   * (background jobs used to run on after the persistence unit had closed).
   */
  @Test
  void dataSurvivesARestart() throws Exception {
    String app = client.newApplication("durable");
    assertEquals(201, client.define(app, "POOL_SIZE", "integer", "10").status());
    assertEquals(201, client.override(app, "production", "POOL_SIZE", "50").status());
    client.publish(app, "production");
    String instance = "restart-" + SetpointClient.uniqueSlug("i");
    assertEquals(
        200,
        client
            .get(SetpointClient.config(app, "production"), "X-Setpoint-Instance", instance)
            .status());

    TestServer.restart();

    assertEquals(200, client.get(SetpointClient.app(app)).status());
    assertEquals(
        50,
        client.get(SetpointClient.override(app, "production", "POOL_SIZE")).json().getInt("value"));
    assertEquals(10, client.get(SetpointClient.setting(app, "POOL_SIZE")).json().getInt("value"));
    String consumers =
        client.get(SetpointClient.env(app, "production") + "/consumers").json().toString();
    assertTrue(consumers.contains(instance), () -> "sighting lost in the stop: " + consumers);
    List<String> troubles = troublesDuringTheLastStop();
    assertEquals(List.of(), troubles, "the stop logged failures");
  }

  /** The FFDCs and Setpoint's warnings and errors between the last shutdown request and its end. */
  private static List<String> troublesDuringTheLastStop() throws IOException {
    List<JsonObject> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(TestServer.logsDirectory())) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("messages")).toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.startsWith("{")) {
            try {
              lines.add(Json.createReader(new StringReader(line)).readObject());
            } catch (JsonParsingException e) {
              // a line cut by a rotation: not one of ours to judge
            }
          }
        }
      }
    }
    lines.sort(Comparator.comparing(l -> l.getString("ibm_datetime", "")));
    int from = -1;
    int to = lines.size();
    for (int i = 0; i < lines.size(); i++) {
      String id = lines.get(i).getString("ibm_messageId", "");
      if (id.equals("CWWKE0055I")) {
        from = i;
        to = lines.size();
      } else if (id.equals("CWWKE0036I") && from >= 0 && to == lines.size()) {
        to = i;
      }
    }
    assertTrue(from >= 0, "the restart's shutdown request is in messages.log");
    List<String> troubles = new ArrayList<>();
    for (JsonObject line : lines.subList(from, to)) {
      String message = line.getString("message", "");
      String level = line.getString("loglevel", "");
      String module = line.get("module") instanceof JsonString m ? m.getString() : "";
      boolean ffdc = message.startsWith("FFDC1015I");
      boolean ours = module.startsWith("dev.setpoint") && !level.equals("INFO");
      if (ffdc || ours) {
        troubles.add(level + " " + module + ": " + message);
      }
    }
    return troubles;
  }
}
