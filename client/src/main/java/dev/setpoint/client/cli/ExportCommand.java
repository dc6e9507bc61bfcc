package dev.setpoint.client.cli;

import dev.setpoint.api.delivery.Delivery;
import dev.setpoint.client.delivery.DeliveryException;
import dev.setpoint.client.delivery.OwnerOnlyFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code setpoint export}: writes the current release exactly as Setpoint renders it, to standard
 * output or to an owner-only file.
 */
@Command(
    name = "export",
    description =
        "Writes the current release as Setpoint renders it, to standard output or to a file only"
            + " its owner can read.")
final class ExportCommand implements Callable<Integer> {

  private static final List<String> FORMATS =
      List.of(Delivery.FORMAT_JSON, Delivery.FORMAT_PROPERTIES, Delivery.FORMAT_DOTENV);

  @ParentCommand private SetpointCli cli;

  @Spec private CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = Delivery.FORMAT_JSON,
      description = "json, properties or dotenv (default: ${DEFAULT-VALUE}).")
  private String format;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write to FILE (replaced atomically, owner-only) instead of standard output.")
  private Path output;

  @Override
  public Integer call() throws IOException {
    if (!FORMATS.contains(format)) {
      throw new ParameterException(
          spec.commandLine(), "--format must be one of " + String.join(", ", FORMATS));
    }
    byte[] body;
    try {
      body = cli.settings(spec.commandLine()).deliveryClient().fetchRendered(format);
    } catch (DeliveryException e) {
      spec.commandLine().getErr().println("setpoint: " + e.getMessage());
      return SetpointCli.FAILED;
    }
    if (output == null) {
      PrintStream out = System.out;
      out.write(body);
      out.flush();
    } else {
      OwnerOnlyFiles.write(output, body);
    }
    return SetpointCli.OK;
  }
}
