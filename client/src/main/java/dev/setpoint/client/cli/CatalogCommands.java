package dev.setpoint.client.cli;

import dev.setpoint.client.manage.ApiFailure;
import dev.setpoint.client.manage.ManagementApi;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code setpoint apps} and {@code setpoint envs}: what the caller can see. */
final class CatalogCommands {

  private CatalogCommands() {}

  @Command(name = "apps", description = "Lists the applications you can see.")
  static final class Apps extends Management {
    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      list(out, all(api, "/api/v1/applications"), "slug", "name", "owner");
    }
  }

  @Command(name = "envs", description = "Lists the environments of --app.")
  static final class Envs extends Management {
    @Override
    void run(ManagementApi api, PrintWriter out) throws ApiFailure {
      list(out, all(api, appPath() + "/environments"), "slug", "name", "production");
    }
  }
}
