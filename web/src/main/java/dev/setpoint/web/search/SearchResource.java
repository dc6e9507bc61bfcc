package dev.setpoint.web.search;

import dev.setpoint.api.paging.Page;
import dev.setpoint.api.search.SearchHitView;
import dev.setpoint.domain.search.SearchHit;
import dev.setpoint.domain.search.SearchService;
import dev.setpoint.web.http.Cursors;
import dev.setpoint.web.http.PageParams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /search}: one search over every application the caller may see. */
@Path("/search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "500", ref = "ServerError")
public class SearchResource {

  @Inject SearchService search;

  @GET
  @Operation(
      operationId = "search",
      summary = "Search across applications",
      description =
          "Everything whose text contains q (case-insensitive, 2 to 128 characters) among the"
              + " applications the caller may see: applications by slug or name, settings by key"
              + " or value (defaults; an environment's overrides where the caller may read it),"
              + " secrets by key name only (their values are never searched or shown). Ordered by"
              + " application, kind (application, setting, secret), key and environment, a page"
              + " at a time; at most 1,000 matches of each kind are read, so narrow q to see"
              + " past them. Service tokens may not search.")
  @Extension(name = "x-setpoint-access", value = "visible")
  @APIResponse(responseCode = "200", description = "One page of what was found.")
  public Page<SearchHitView> search(
      @Parameter(description = "The text to look for.", required = true) @QueryParam("q") String q,
      @BeanParam PageParams page) {
    return Cursors.toPage(search.search(q, page.toRequest()), SearchResource::view);
  }

  private static SearchHitView view(SearchHit hit) {
    return new SearchHitView(
        hit.kind().wireName(),
        hit.application().slug().value(),
        hit.application().name(),
        hit.environment() == null ? null : hit.environment().slug().value(),
        hit.key(),
        hit.matched(),
        hit.type() == null ? null : hit.type().wireName(),
        hit.type() == null || hit.value() == null ? null : hit.type().toJson(hit.value()));
  }
}
