package dev.setpoint.domain.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the last-used times {@link TokenUsage} collected, in one transaction; internal to the
 * access package: it decides no access, so it is not on the token use cases, and web does not use
 * it ({@code InternalBeansTest}).
 */
@ApplicationScoped
@Transactional
public class TokenUseWriter {

  @Inject ServiceTokenRepository tokens;

  /** Stores last-used times noted since the previous batch (tokens deleted since are skipped). */
  public void record(Map<UUID, Instant> uses) {
    uses.forEach(tokens::markUsed);
  }
}
