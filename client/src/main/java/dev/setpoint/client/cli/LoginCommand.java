package dev.setpoint.client.cli;

import dev.setpoint.client.manage.ApiFailure;
import dev.setpoint.client.manage.Login;
import dev.setpoint.client.manage.ManagementApi;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code setpoint login}: checks a credential against Setpoint ({@code GET /api/v1/whoami}) and
 * stores it owner-only in the config directory. A password or token is never an argument: it is
 * read from the terminal without echo, or from standard input.
 */
@Command(
    name = "login",
    description =
        "Signs in: a bearer token or JWT read from standard input (--token-stdin), or a user"
            + " whose password is prompted for (or read from standard input with"
            + " --password-stdin); stored in login.properties of the config directory, owner-only.")
final class LoginCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--user", paramLabel = "NAME", description = "Sign in as this user (Basic).")
  private String user;

  @Option(names = "--password-stdin", description = "Read the password from standard input.")
  private boolean passwordStdin;

  @Option(names = "--token-stdin", description = "Read a bearer token or JWT from standard input.")
  private boolean tokenStdin;

  @Override
  public Integer call() throws IOException {
    SetpointCli cli = (SetpointCli) spec.root().userObject();
    String url = cli.url();
    if (url == null || url.isBlank()) {
      throw new ParameterException(spec.commandLine(), "Missing --url (or SETPOINT_URL)");
    }
    Login login;
    if (tokenStdin == (user != null)) {
      throw new ParameterException(spec.commandLine(), "Give either --user NAME or --token-stdin");
    }
    if (tokenStdin) {
      String token = firstLine();
      if (token == null || token.isBlank()) {
        throw new ParameterException(spec.commandLine(), "No token on standard input");
      }
      login = Login.bearer(url, token);
    } else {
      char[] password = password();
      try {
        login = Login.basic(url, user, password);
      } finally {
        Arrays.fill(password, '\0');
      }
    }
    JsonObject whoami;
    try {
      whoami = new ManagementApi(url, login.authorization()).get("/api/v1/whoami").asJsonObject();
    } catch (ApiFailure e) {
      spec.commandLine().getErr().println("setpoint: " + e.getMessage());
      return e.exitCode();
    }
    Path file = login.write(Login.directory(cli.configDir()));
    String name = whoami.get("name") instanceof JsonString s ? s.getString() : "?";
    spec.commandLine().getOut().println("Signed in to " + url + " as " + name + " (" + file + ")");
    spec.commandLine().getOut().flush();
    return SetpointCli.OK;
  }

  private char[] password() throws IOException {
    if (passwordStdin) {
      String line = firstLine();
      if (line == null || line.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "No password on standard input");
      }
      return line.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw new ParameterException(
          spec.commandLine(), "No terminal to ask for the password: use --password-stdin");
    }
    char[] password = console.readPassword("Password for %s: ", user);
    if (password == null || password.length == 0) {
      throw new ParameterException(spec.commandLine(), "No password given");
    }
    return password;
  }

  private static String firstLine() throws IOException {
    return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
  }
}
