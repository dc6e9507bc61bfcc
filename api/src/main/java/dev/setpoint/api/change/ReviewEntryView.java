package dev.setpoint.api.change;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An approval or a comment: who, when, and (for a comment) what. */
@Schema(name = "ReviewEntry", description = "An approval or a comment.")
public record ReviewEntryView(String by, Instant at, String text) {}
