package dev.setpoint.api.transfer;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an application bundle's secrets are encrypted to: a passphrase, or instead a recipient's
 * public keyset (exactly one of the two).
 */
@Schema(name = "ExportRequest", description = "Exactly one of passphrase and recipient.")
public record ExportRequest(
    @Schema(
            description =
                "At least setpoint.bundle.passphrase-min-length characters (12 by default);"
                    + " the same passphrase restores the bundle. Never stored or logged.",
            minLength = 12,
            maxLength = 1024)
        @Size(max = 1024)
        String passphrase,
    @Schema(
            description =
                "Instead of a passphrase: the recipient's public keyset in Tink's JSON format, as"
                    + " text (an HPKE key, from setpoint bundle keygen). The secrets are"
                    + " encrypted to it; only the holder of the private keyset reads them, and"
                    + " restores the bundle by decrypting it on their side (docs/bundles.md).",
            maxLength = 16384)
        @Size(max = 16384)
        String recipient) {

  @Override
  public String toString() {
    return "ExportRequest[passphrase hidden, recipient " + (recipient != null) + "]";
  }
}
