package dev.setpoint.client.cli;

import dev.setpoint.client.ClientSettings;
import dev.setpoint.client.delivery.DeliveryException;
import dev.setpoint.client.delivery.LastKnownGood;
import dev.setpoint.client.delivery.Release;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code setpoint run -- COMMAND ARGS…}: starts a program with the release's values as environment
 * variables and exits with its exit code.
 */
@Command(
    name = "run",
    description = {
      "Runs COMMAND with the release's values as environment variables (db.pool.max becomes"
          + " DB_POOL_MAX), added to this environment; a release value replaces an inherited"
          + " variable of the same name.",
      "Exits with COMMAND's exit code; 1 when Setpoint fails, 2 when two keys give the same"
          + " variable name, 127 when COMMAND cannot be started."
    })
final class RunCommand implements Callable<Integer> {

  @ParentCommand private SetpointCli cli;

  @Spec private CommandSpec spec;

  @Option(
      names = "--fallback-cache",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Keep a last-known-good copy and use it when Setpoint is unreachable or failing"
              + " (default: ${DEFAULT-VALUE}).")
  private boolean fallbackCache;

  @Option(
      names = "--stop-timeout",
      defaultValue = "10",
      paramLabel = "SECONDS",
      description =
          "When setpoint is terminated, how long COMMAND may take to stop before it is killed"
              + " (default: ${DEFAULT-VALUE}).")
  private int stopTimeout;

  @Parameters(
      arity = "1..*",
      paramLabel = "COMMAND",
      description = "The program and its arguments.")
  private List<String> command;

  @Override
  public Integer call() throws InterruptedException {
    ClientSettings settings = cli.settings(spec.commandLine());
    PrintWriter err = spec.commandLine().getErr();
    Release release;
    try {
      release = load(settings, err);
    } catch (DeliveryException e) {
      err.println("setpoint: " + e.getMessage());
      return SetpointCli.FAILED;
    }
    Map<String, String> variables;
    try {
      variables = EnvironmentVariables.of(release.values());
    } catch (IllegalArgumentException e) {
      err.println("setpoint: refusing to run, " + e.getMessage());
      return SetpointCli.USAGE;
    }
    try {
      err.flush();
      return ChildProcess.run(command, variables, Duration.ofSeconds(stopTimeout));
    } catch (IOException e) {
      err.println("setpoint: cannot start " + command.get(0) + ": " + e.getMessage());
      return SetpointCli.NOT_STARTED;
    }
  }

  private Release load(ClientSettings settings, PrintWriter err) throws DeliveryException {
    if (!fallbackCache) {
      return settings.deliveryClient().fetch();
    }
    return new LastKnownGood(
            settings.deliveryClient(),
            settings.releaseCache(),
            settings.app(),
            settings.env(),
            warning -> err.println("setpoint: warning: " + warning))
        .load();
  }
}
