package dev.setpoint.web.release;

import dev.setpoint.api.paging.Page;
import dev.setpoint.api.release.ConsumerView;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.delivery.Consumers;
import dev.setpoint.domain.release.Release;
import dev.setpoint.domain.release.ReleaseHistory;
import dev.setpoint.domain.rollout.Rollout;
import dev.setpoint.domain.rollout.Rollouts;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.web.http.Cursors;
import dev.setpoint.web.http.PageParams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /applications/{app}/environments/{env}/consumers}: which running instances picked up which
 * release, and when.
 */
@Path("/applications/{app}/environments/{env}/consumers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Releases")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "500", ref = "ServerError")
public class ConsumersResource {

  @Inject ReleaseHistory releases;

  @Inject Consumers consumers;

  @Inject Rollouts rollouts;

  @Inject TargetNames names;

  @PathParam("app")
  String app;

  @PathParam("env")
  String env;

  @GET
  @Operation(
      operationId = "listConsumers",
      summary = "List the running instances seen",
      description =
          "Every instance that sent X-Setpoint-Instance to delivery, the release it was last"
              + " served and when, ordered by instance id. Sightings are stored in batches, so"
              + " other servers' newest ones may be a few seconds late. During a staged rollout"
              + " each names its cohort.")
  @Extension(name = "x-setpoint-access", value = "read")
  @APIResponse(responseCode = "200", description = "One page of consumers.")
  public Page<ConsumerView> consumers(@BeanParam PageParams page) {
    PageRequest asked = page.toRequest();
    EnvironmentRef where = names.environment(app, env);
    var seen = consumers.list(where, asked.after(), asked.limit());
    Integer latest = releases.latest(where).map(Release::number).orElse(null);
    Optional<Rollout> underWay = rollouts.underWay(where);
    return Cursors.toPage(seen, c -> ReleaseViews.of(c, latest, underWay));
  }
}
