package dev.setpoint.domain.transfer;

import java.util.List;
import java.util.Map;

/**
 * What restoring a bundle does (or did): the application it goes to and the bundle's own slug,
 * whether the application and which environments are created, the import plan, and the bundle's
 * releases metadata (how many, and each environment's newest number), which is recorded, not
 * recreated.
 */
public record BundlePlan(
    String application,
    String bundleApplication,
    boolean createsApplication,
    List<String> createsEnvironments,
    ImportPlan plan,
    int releases,
    Map<String, Integer> latestReleases) {

  public BundlePlan {
    createsEnvironments = List.copyOf(createsEnvironments);
    latestReleases = Map.copyOf(latestReleases);
  }
}
