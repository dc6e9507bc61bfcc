package dev.setpoint.domain.transfer;

import java.util.Objects;

/**
 * A bundle to restore: the file, its passphrase, the slug to restore it under (null: the bundle's
 * own), whether only the plan is wanted, and whether refused keys may be left out.
 */
public record RestoreRequest(
    byte[] body, char[] passphrase, String slug, boolean dryRun, boolean skipRefused) {

  public RestoreRequest {
    Objects.requireNonNull(body, "body");
  }

  @Override
  public String toString() {
    return "RestoreRequest[" + body.length + " bytes, slug " + slug + ", dryRun " + dryRun + "]";
  }
}
