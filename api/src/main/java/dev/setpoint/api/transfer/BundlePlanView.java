package dev.setpoint.api.transfer;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What restoring an application bundle does (or did). */
@Schema(
    name = "BundlePlan",
    description = "What restoring a bundle does, and whether it was applied.")
public record BundlePlanView(
    @Schema(description = "The application restored into.", example = "shop-copy")
        String application,
    @Schema(description = "The application the bundle was exported from.", example = "shop")
        String bundleApplication,
    @Schema(description = "Whether the application is created by the restore.")
        boolean createsApplication,
    @Schema(
            description =
                "The bundle's environments the application lacks, created by the restore.")
        List<String> createsEnvironments,
    @Schema(description = "Key by key, as an import's plan; secrets never carry a value.")
        ImportPlanView plan,
    @Schema(
            description =
                "How many releases' metadata the bundle carries: recorded in the bundle.restore"
                    + " audit event, not recreated (publish to deliver the restored values).")
        int releases,
    @Schema(description = "Each environment's newest release number in the bundle.")
        Map<String, Integer> latestReleases) {}
