package dev.setpoint.api.transfer;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The plan of an import, key by key, and whether it was applied. */
@Schema(name = "ImportPlan", description = "The plan of an import, and whether it was applied.")
public record ImportPlanView(
    @Schema(enumeration = {"dotenv", "properties", "yaml", "json", "spring", "copy", "bundle"})
        String format,
    @Schema(description = "False for a dry run: nothing was written.") boolean applied,
    @Schema(description = "How many keys each action concerns.") Counts counts,
    List<ImportItemView> items,
    @Schema(
            description =
                "Files of a Spring layout (and profiles) that name no target of this import;"
                    + " for a bundle, the secrets its export left out.")
        List<String> ignored) {

  /** Keys by action. */
  @Schema(name = "ImportCounts")
  public record Counts(long added, long changed, long unchanged, long refused) {}
}
