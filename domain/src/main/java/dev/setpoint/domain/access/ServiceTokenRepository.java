package dev.setpoint.domain.access;

import dev.setpoint.domain.shared.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Stored service tokens (their hashes). */
public interface ServiceTokenRepository {

  Optional<ServiceToken> findByHash(String tokenHash);

  Optional<ServiceToken> token(UUID id);

  /**
   * Tokens ordered by id, of these applications (all when null); up to {@code page.limit() + 1}.
   */
  List<ServiceToken> listOf(Set<UUID> applicationIds, PageRequest page);

  void store(ServiceToken token);

  /** Records a use without touching the version (a use is not an edit). */
  void markUsed(UUID id, java.time.Instant at);
}
