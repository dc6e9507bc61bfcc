package dev.setpoint.api.access;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user of the built-in store: never the password or its hash. */
@Schema(name = "User", description = "A person in the built-in user store.")
public record UserView(String username, Instant createdAt, Instant updatedAt, String createdBy) {}
