package dev.setpoint.domain.audit;

import dev.setpoint.domain.shared.Forbidden;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may read the trail: what the audit use cases need of the access decisions, stated here so
 * that the trail does not depend on how they are made ({@code access.Access} provides them).
 */
public interface AuditReaders {

  /** Refuses an anonymous caller. */
  void requireSignedIn();

  /**
   * Refuses a caller who is no platform admin.
   *
   * @throws Forbidden for anyone else
   */
  void requirePlatformAdmin();

  /** Whether the caller is a platform admin, who sees every event. */
  boolean platformAdmin();

  /** The ids of the applications whose events the caller sees; empty for platform admins. */
  Optional<Set<UUID>> visibleApplications();
}
