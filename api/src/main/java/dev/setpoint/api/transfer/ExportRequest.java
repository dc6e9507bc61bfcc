package dev.setpoint.api.transfer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The passphrase an application bundle's secrets are encrypted to. */
@Schema(name = "ExportRequest")
public record ExportRequest(
    @Schema(
            description =
                "At least setpoint.bundle.passphrase-min-length characters (12 by default);"
                    + " the same passphrase restores the bundle. Never stored or logged.",
            minLength = 12,
            maxLength = 1024)
        @NotNull
        @Size(max = 1024)
        String passphrase) {

  @Override
  public String toString() {
    return "ExportRequest[passphrase hidden]";
  }
}
