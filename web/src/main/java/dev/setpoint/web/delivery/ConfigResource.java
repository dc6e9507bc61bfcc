package dev.setpoint.web.delivery;

import dev.setpoint.api.delivery.Delivery;
import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Caller;
import dev.setpoint.domain.access.CallerContext;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.delivery.DeliveryService;
import dev.setpoint.domain.delivery.InstanceIds;
import dev.setpoint.domain.delivery.Snapshot;
import dev.setpoint.domain.delivery.Watchers;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.web.http.Callers;
import dev.setpoint.web.http.Preconditions;
import dev.setpoint.web.problem.Problems;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.CompletionCallback;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /config/{app}/{env}}: the newest release of an environment for running applications, from
 * the delivery cache. A watch ({@code ?wait=} with {@code If-None-Match}) is suspended without a
 * thread and resumed by a publish or by its timeout.
 */
@Path("/config/{app}/{env}")
@RequestScoped
@Tag(name = "Delivery")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
public class ConfigResource {

  @Inject DeliveryService delivery;

  @Inject Access access;

  @Inject CallerContext callers;

  @Inject Problems problems;

  @GET
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  @Operation(
      operationId = "deliverConfig",
      summary = "Deliver the current release",
      description =
          "The newest release of the environment as one flat set of keys, secrets decrypted for"
              + " this response only (Cache-Control: no-store). The ETag is the release's content"
              + " hash. With If-None-Match and wait=SECONDS (at most 60) the request is held"
              + " until a release with another hash is published, else answered 304 at the"
              + " timeout. During a staged rollout an instance (X-Setpoint-Instance) is served"
              + " the release of its cohort; a request naming no instance gets the stable one.")
  @Extension(name = "x-setpoint-access", value = "deliver")
  @APIResponse(
      responseCode = "200",
      description = "The release in the format asked for.",
      headers = {
        @Header(
            name = "ETag",
            description = "The release hash.",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "X-Setpoint-Release",
            description = "The release number.",
            schema = @Schema(type = SchemaType.INTEGER))
      },
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema =
                @Schema(
                    type = SchemaType.OBJECT,
                    description = "key → value: settings in their JSON type, secrets as strings",
                    additionalProperties = JsonValue.class)),
        @Content(
            mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(type = SchemaType.STRING, description = ".properties or dotenv text"))
      })
  @APIResponse(
      responseCode = "304",
      description = "If-None-Match matches the current release (at once, or at the wait timeout).")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "500", ref = "ServerError")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public void deliver(
      @PathParam("app") String app,
      @PathParam("env") String env,
      @Parameter(
              description = "json (default, a flat object), properties, or dotenv.",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"json", "properties", "dotenv"}))
          @QueryParam("format")
          String format,
      @Parameter(
              description =
                  "Seconds to hold the request, with If-None-Match, until a newer release;"
                      + " absent or 0 answers at once.",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "0",
                      maximum = "" + Delivery.MAX_WAIT_SECONDS))
          @QueryParam("wait")
          String wait,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @Parameter(
              description = "The running instance's id, shown in the consumers list.",
              schema = @Schema(type = SchemaType.STRING, pattern = Delivery.INSTANCE_PATTERN))
          @HeaderParam(Delivery.INSTANCE_HEADER)
          String instance,
      @Suspended AsyncResponse async) {
    Format chosen = Format.named(format);
    int seconds = waitSeconds(wait);
    InstanceIds.check(Delivery.INSTANCE_HEADER, instance);
    EnvironmentRef where = EnvironmentRef.parse(app, env);
    Snapshot current = delivery.current(where, instance);
    boolean matches = Preconditions.ifNoneMatch(ifNoneMatch, current.hash());
    Caller caller = access.caller();
    String address = callers.clientAddress();
    if (!matches || seconds == 0) {
      async.resume(answer(current, matches, chosen, instance, caller, address));
      return;
    }
    // beyond the server's watch limit: 503 with Retry-After, before anything is registered
    delivery.admitWatch();
    // timeout and clean-up first: the watch may fire as soon as it is registered
    AtomicReference<Watchers.Watch> watch = new AtomicReference<>();
    async.setTimeoutHandler(
        timedOut -> {
          Watchers.Watch waiting = watch.get();
          if (waiting != null) {
            delivery.unwatch(waiting);
          }
          Snapshot now = delivery.cachedOr(where, instance, current);
          timedOut.resume(
              answer(now, now.hash().equals(current.hash()), chosen, instance, caller, address));
        });
    async.setTimeout(seconds, TimeUnit.SECONDS);
    async.register(
        (CompletionCallback)
            failure -> {
              Watchers.Watch waiting = watch.get();
              if (waiting != null) {
                delivery.unwatch(waiting);
              }
            });
    // built now: a wake runs on another thread, outside this request
    Response revoked =
        problems.unauthenticated(
            "The credentials of this watch were revoked or expired while it waited", true);
    watch.set(
        delivery.watch(
            where,
            current,
            caller,
            instance,
            woken -> wake(async, caller, address, revoked, woken, chosen, instance, app, env)));
    if (async.isDone()) {
      delivery.unwatch(watch.get());
    }
  }

  /** Resumes a watch with the release now served, or 404 when the environment serves none. */
  private void wake(
      AsyncResponse async,
      Caller watcher,
      String address,
      Response revoked,
      Watchers.Wake woken,
      Format format,
      String instance,
      String app,
      String env) {
    Optional<Snapshot> now = woken.now();
    try {
      if (!woken.entitled()) {
        // revoked (or its roles removed) while it waited: it gets nothing more
        async.resume(revoked);
      } else if (now.isPresent()) {
        async.resume(answer(now.get(), false, format, instance, watcher, address));
      } else {
        async.resume(gone(app, env));
      }
    } catch (RuntimeException e) {
      async.resume(e);
    }
  }

  private Response answer(
      Snapshot snapshot,
      boolean notModified,
      Format format,
      String instance,
      Caller caller,
      String address) {
    delivery.served(snapshot, instance, !notModified, caller, address);
    EntityTag tag = Preconditions.tag(snapshot.hash());
    if (notModified) {
      return Response.notModified(tag).cacheControl(Callers.noStore()).build();
    }
    byte[] body =
        snapshot.rendered(
            format.name(),
            s ->
                format
                    .render(s.settings(), s.secretValues())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return Response.ok(body, format.mediaType())
        .tag(tag)
        .header("X-Setpoint-Release", snapshot.number())
        .cacheControl(Callers.noStore())
        .build();
  }

  private static NotFound gone(String app, String env) {
    return new NotFound("Environment '" + env + "' of '" + app + "' no longer serves a release");
  }

  private static int waitSeconds(String wait) {
    if (wait == null || wait.isEmpty()) {
      return 0;
    }
    try {
      int seconds = Integer.parseInt(wait);
      if (seconds >= 0 && seconds <= Delivery.MAX_WAIT_SECONDS) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidValue(
        "wait", "must be a whole number of seconds from 0 to " + Delivery.MAX_WAIT_SECONDS);
  }
}
