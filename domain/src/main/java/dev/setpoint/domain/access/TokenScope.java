package dev.setpoint.domain.access;

import java.util.Set;
import java.util.UUID;

/** What a service token may read: the delivered configuration of these environments of one app. */
public record TokenScope(UUID tokenId, UUID applicationId, Set<UUID> environmentIds) {

  public TokenScope {
    environmentIds = Set.copyOf(environmentIds);
  }
}
