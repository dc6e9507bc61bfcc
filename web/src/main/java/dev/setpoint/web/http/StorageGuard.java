package dev.setpoint.web.http;

import dev.setpoint.domain.platform.StorageStatus;
import dev.setpoint.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers 503 with a {@code Retry-After} while the schema is not migrated yet, instead of letting
 * requests fail one by one against missing tables.
 */
@Provider
@PreMatching
@ApplicationScoped
public class StorageGuard implements ContainerRequestFilter {

  @Inject StorageStatus storage;

  @Inject Problems problems;

  @Override
  public void filter(ContainerRequestContext context) {
    if (!storage.schemaReady()) {
      context.abortWith(
          problems.unavailable("Setpoint is waiting for its database; retry shortly."));
    }
  }
}
