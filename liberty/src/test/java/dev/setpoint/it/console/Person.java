package dev.setpoint.it.console;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.Json;
import java.util.UUID;

/** Someone who signs in to the console: admin, or a user created now with a generated password. */
public record Person(String username, String password) {

  /** The bootstrap admin, with the password the server generated on first start. */
  public static Person admin() {
    return new Person("admin", TestServer.adminPassword());
  }

  /** A new built-in user holding {@code role} on {@code app} ({@code admin} must be an admin). */
  public static Person withRole(SetpointClient admin, String role, String app) {
    String name = SetpointClient.uniqueSlug("console-" + role);
    Person person = new Person(name, "canary-" + UUID.randomUUID());
    Reply created =
        admin.post(
            "/api/v1/users",
            Json.createObjectBuilder()
                .add("username", name)
                .add("password", person.password())
                .build()
                .toString());
    Reply granted = admin.post("/api/v1/roles", SetpointClient.roleBinding(name, role, app));
    if (created.status() != 201 || granted.status() != 201) {
      throw new IllegalStateException("Creating " + name + " failed: " + created + " " + granted);
    }
    return person;
  }

  @Override
  public String toString() {
    return username; // never the password
  }
}
