package dev.setpoint.client.cli;

import dev.setpoint.client.ClientSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code setpoint} command. Its connection options may be given before or after the subcommand
 * and fall back to system properties ({@code setpoint.url}) and then environment variables ({@code
 * SETPOINT_URL}). Exit codes (docs/cli.md): {@value #OK} success, {@value #FAILED} Setpoint or the
 * network failed, {@value #USAGE} usage or configuration error, 3 not found, 4 not signed in or not
 * allowed, 5 refused as sent (invalid, conflicting, unprocessable; see {@code ManagementApi});
 * {@code run} otherwise exits with its program's code.
 */
@Command(
    name = "setpoint",
    mixinStandardHelpOptions = true,
    versionProvider = SetpointCli.Version.class,
    subcommands = {
      RunCommand.class,
      ExportCommand.class,
      LoginCommand.class,
      CatalogCommands.Apps.class,
      CatalogCommands.Envs.class,
      SettingsCommand.class,
      SecretsCommand.class,
      ReleasesCommand.class,
      RolloutCommand.class,
      TransferCommands.Import.class,
      TransferCommands.Compare.class,
      TransferCommands.Copy.class,
      ChangeControlCommands.Policy.class,
      ChangeControlCommands.Changes.class,
      ChangeControlCommands.Promote.class,
      BundleCommand.class
    },
    synopsisSubcommandLabel = "COMMAND",
    description =
        "Delivers an environment's Setpoint release to programs (run, export), and manages"
            + " Setpoint (login, apps, envs, settings, secrets, releases, rollout, import, compare,"
            + " copy, policy, changes, promote, bundle).")
public final class SetpointCli implements Callable<Integer> {

  /** Success. */
  public static final int OK = 0;

  /** Setpoint refused, failed or could not be reached. */
  public static final int FAILED = 1;

  /** Wrong usage or configuration (picocli's usage-error code). */
  public static final int USAGE = 2;

  /** {@code run} could not start the program. */
  public static final int NOT_STARTED = 127;

  @Spec private CommandSpec spec;

  @Option(
      names = "--url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      defaultValue = "${sys:setpoint.url:-${env:SETPOINT_URL}}",
      description = "Setpoint's base URL (default: SETPOINT_URL).")
  private String url;

  @Option(
      names = "--token",
      scope = ScopeType.INHERIT,
      paramLabel = "TOKEN",
      description =
          "Service token (default: SETPOINT_TOKEN). Visible to other users in the process list:"
              + " prefer --token-file or the environment.")
  private String token;

  @Option(
      names = "--token-file",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "File holding the service token (default: SETPOINT_TOKEN_FILE).")
  private Path tokenFile;

  @Option(
      names = "--app",
      scope = ScopeType.INHERIT,
      paramLabel = "SLUG",
      defaultValue = "${sys:setpoint.app:-${env:SETPOINT_APP}}",
      description = "Application slug (default: SETPOINT_APP).")
  private String app;

  @Option(
      names = "--env",
      scope = ScopeType.INHERIT,
      paramLabel = "SLUG",
      defaultValue = "${sys:setpoint.env:-${env:SETPOINT_ENV}}",
      description = "Environment slug (default: SETPOINT_ENV).")
  private String env;

  @Option(
      names = "--cache-dir",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      defaultValue = "${sys:setpoint.cache.dir:-${env:SETPOINT_CACHE_DIR}}",
      description =
          "Directory of the last-known-good copies (default: SETPOINT_CACHE_DIR, else"
              + " ~/.setpoint/cache).")
  private Path cacheDir;

  @Option(
      names = "--config-dir",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      defaultValue = "${sys:setpoint.config.dir:-${env:SETPOINT_CONFIG_DIR}}",
      description =
          "Where login keeps its file (default: SETPOINT_CONFIG_DIR, else"
              + " $XDG_CONFIG_HOME/setpoint, else ~/.config/setpoint).")
  private String configDir;

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The configured command line: everything after {@code run}'s first positional argument belongs
   * to the program it starts, and failures print one line instead of a stack trace.
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new SetpointCli());
    // "setpoint completion" prints the bash (and zsh) completion script picocli generates
    CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
    completion.getCommandSpec().usageMessage().hidden(false);
    commandLine.addSubcommand("completion", completion);
    commandLine.getSubcommands().get("run").setStopAtPositional(true);
    commandLine.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          line.getErr().println("setpoint: " + (e.getMessage() == null ? e : e.getMessage()));
          return FAILED;
        });
    return commandLine;
  }

  /** Without a subcommand there is nothing to do. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command");
  }

  String url() {
    return url;
  }

  String app() {
    return app;
  }

  String env() {
    return env;
  }

  String configDir() {
    return configDir;
  }

  /**
   * The client settings from the options, falling back to system properties and environment
   * variables. A token on the command line ({@code --token} or {@code --token-file}) replaces both
   * token variables.
   *
   * @param commandLine the subcommand asking, for the usage message
   * @throws ParameterException when the URL is missing or a setting is invalid
   */
  ClientSettings settings(CommandLine commandLine) {
    Function<String, String> system = ClientSettings.systemLookup();
    boolean tokenOnCommandLine = token != null || tokenFile != null;
    Function<String, String> lookup =
        name ->
            switch (name) {
              case ClientSettings.URL -> url;
              case ClientSettings.APP -> app;
              case ClientSettings.ENV -> env;
              case ClientSettings.CACHE_DIR -> cacheDir == null ? null : cacheDir.toString();
              case ClientSettings.TOKEN -> tokenOnCommandLine ? token : system.apply(name);
              case ClientSettings.TOKEN_FILE ->
                  tokenOnCommandLine
                      ? (tokenFile == null ? null : tokenFile.toString())
                      : system.apply(name);
              case ClientSettings.WATCH -> "false";
              case ClientSettings.ORDINAL -> null;
              default -> system.apply(name);
            };
    try {
      return ClientSettings.from(lookup)
          .orElseThrow(
              () -> new ParameterException(commandLine, "Missing --url (or SETPOINT_URL)"));
    } catch (IllegalStateException e) {
      throw new ParameterException(commandLine, e.getMessage(), e, null, null);
    }
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = SetpointCli.class.getPackage().getImplementationVersion();
      return new String[] {"setpoint " + (version == null ? "(development build)" : version)};
    }
  }
}
