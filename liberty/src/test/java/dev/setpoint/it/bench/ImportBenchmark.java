package dev.setpoint.it.bench;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import java.time.Duration;

/**
 * Times importing a YAML file of 5,000 keys (50 groups of 100) into a new application's defaults
 * against a running server: the dry run, then the applied import (one transaction). Prints both in
 * milliseconds. Arguments: base URL (default {@code http://localhost:9080}), groups of 100 keys
 * (default 50).
 */
public final class ImportBenchmark {

  private ImportBenchmark() {}

  public static void main(String[] args) {
    String baseUrl = args.length > 0 ? args[0] : "http://localhost:9080";
    int groups = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    SetpointClient client = new SetpointClient(baseUrl).patient(Duration.ofMinutes(30));
    String app = client.newApplication("bench-import");
    StringBuilder yaml = new StringBuilder();
    for (int group = 0; group < groups; group++) {
      yaml.append("group").append(group).append(":\n");
      for (int key = 0; key < 100; key++) {
        yaml.append("  key").append(key).append(": value-").append(group * 100 + key).append('\n');
      }
    }
    String path = SetpointClient.app(app) + "/import";
    long start = System.nanoTime();
    Reply plan = client.send("POST", path + "?dryRun=true", yaml.toString(), "application/yaml");
    long planned = System.nanoTime();
    check(plan);
    Reply applied = client.send("POST", path, yaml.toString(), "application/yaml");
    long done = System.nanoTime();
    check(applied);
    System.out.printf(
        "%d-key YAML import: dry run %d ms, apply %d ms%n",
        groups * 100, (planned - start) / 1_000_000, (done - planned) / 1_000_000);
  }

  private static void check(Reply reply) {
    if (reply.status() != 200) {
      throw new IllegalStateException("import failed: " + reply);
    }
  }
}
