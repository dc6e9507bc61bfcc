package dev.setpoint.web;

import dev.setpoint.api.compat.SpringEnvironment;
import dev.setpoint.api.compat.VaultReply;
import dev.setpoint.api.problem.Problem;
import dev.setpoint.api.problem.ProblemTypes;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The JAX-RS application: every Setpoint API resource lives under {@code /api/v1}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Setpoint API",
            version = "1",
            description =
                "Configuration and secrets per application and environment. Every error is an"
                    + " RFC 9457 problem (application/problem+json) carrying the request id.",
            license = @License(name = "Proprietary")),
    security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")},
    components =
        @Components(
            securitySchemes = {
              @SecurityScheme(
                  securitySchemeName = "basic",
                  type = SecuritySchemeType.HTTP,
                  scheme = "basic",
                  description = "People in the built-in user store (embedded mode)."),
              @SecurityScheme(
                  securitySchemeName = "bearer",
                  type = SecuritySchemeType.HTTP,
                  scheme = "bearer",
                  description =
                      "A service token (stp_...) for delivery, or a JWT from the organisation's"
                          + " OpenID Connect provider.")
            },
            responses = {
              @APIResponse(
                  name = "BadRequest",
                  responseCode = "400",
                  description =
                      "A field broke a rule (errors lists each field and rule), or the body is"
                          + " malformed or has an unknown property.",
                  content =
                      @Content(
                          mediaType = ProblemTypes.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Unauthenticated",
                  responseCode = "401",
                  description =
                      "No credentials, or credentials that are not valid; WWW-Authenticate names"
                          + " the schemes accepted.",
                  content =
                      @Content(
                          mediaType = ProblemTypes.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Forbidden",
                  responseCode = "403",
                  description = "Authenticated, but without the role this needs (named in detail).",
                  content =
                      @Content(
                          mediaType = ProblemTypes.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "TooManyRequests",
                  responseCode = "429",
                  description =
                      "A rate limit ran out (per address, per caller, or failed sign-ins);"
                          + " Retry-After says when to retry.",
                  content =
                      @Content(
                          mediaType = ProblemTypes.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "NotFound",
                  responseCode = "404",
                  description = "The application, environment or setting does not exist.",
                  content =
                      @Content(
                          mediaType = ProblemTypes.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Conflict",
                  responseCode = "409",
                  description = "The slug or key already exists, or stored data conflicts.",
                  content =
                      @Content(
                          mediaType = ProblemTypes.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "PreconditionFailed",
                  responseCode = "412",
                  description = "If-Match does not match the current ETag.",
                  content =
                      @Content(
                          mediaType = ProblemTypes.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "UnsupportedMediaType",
                  responseCode = "415",
                  description = "The body is not application/json.",
                  content =
                      @Content(
                          mediaType = ProblemTypes.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "SecretsUnavailable",
                  responseCode = "503",
                  description = "The master keys are not loaded; nothing was read or written.",
                  content =
                      @Content(
                          mediaType = ProblemTypes.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Unprocessable",
                  responseCode = "422",
                  description = "Stored data does not allow it; errors name each key and rule.",
                  content =
                      @Content(
                          mediaType = ProblemTypes.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Unavailable",
                  responseCode = "503",
                  description = "The database is unreachable and nothing cached can answer.",
                  content =
                      @Content(
                          mediaType = ProblemTypes.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "SpringEnvironment",
                  responseCode = "200",
                  description = "Spring Cloud Config: the Environment.",
                  content = {
                    @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = SpringEnvironment.class)),
                    @Content(
                        mediaType = SpringEnvironment.V2_MEDIA_TYPE,
                        schema = @Schema(implementation = SpringEnvironment.class))
                  }),
              @APIResponse(
                  name = "SpringDocument",
                  responseCode = "200",
                  description = "Spring Cloud Config: the document.",
                  content = {
                    @Content(
                        mediaType = MediaType.TEXT_PLAIN,
                        schema =
                            @Schema(type = SchemaType.STRING, description = ".properties or YAML")),
                    @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.OBJECT, description = "nested keys"))
                  }),
              @APIResponse(
                  name = "VaultBadRequest",
                  responseCode = "400",
                  description = "Vault: a name breaks Setpoint's rules; errors says which.",
                  content =
                      @Content(
                          mediaType = MediaType.APPLICATION_JSON,
                          schema = @Schema(implementation = VaultReply.Errors.class))),
              @APIResponse(
                  name = "VaultPermissionDenied",
                  responseCode = "403",
                  description =
                      "Vault: no token, or one that is unknown, expired, revoked or not scoped to"
                          + " what was asked for: permission denied (Vault has no 401).",
                  content =
                      @Content(
                          mediaType = MediaType.APPLICATION_JSON,
                          schema = @Schema(implementation = VaultReply.Errors.class))),
              @APIResponse(
                  name = "VaultNotFound",
                  responseCode = "404",
                  description =
                      "Vault: nothing there (or nothing the token may know of): empty errors.",
                  content =
                      @Content(
                          mediaType = MediaType.APPLICATION_JSON,
                          schema = @Schema(implementation = VaultReply.Errors.class))),
              @APIResponse(
                  name = "VaultTooManyRequests",
                  responseCode = "429",
                  description = "Vault: a rate limit ran out; Retry-After says when to retry.",
                  content =
                      @Content(
                          mediaType = MediaType.APPLICATION_JSON,
                          schema = @Schema(implementation = VaultReply.Errors.class))),
              @APIResponse(
                  name = "VaultServerError",
                  responseCode = "500",
                  description = "Vault: unexpected failure; the log has the details.",
                  content =
                      @Content(
                          mediaType = MediaType.APPLICATION_JSON,
                          schema = @Schema(implementation = VaultReply.Errors.class))),
              @APIResponse(
                  name = "VaultUnavailable",
                  responseCode = "503",
                  description = "Vault: the database is unreachable and nothing cached can answer.",
                  content =
                      @Content(
                          mediaType = MediaType.APPLICATION_JSON,
                          schema = @Schema(implementation = VaultReply.Errors.class))),
              @APIResponse(
                  name = "ServerError",
                  responseCode = "500",
                  description = "Unexpected failure; the log has the details under the request id.",
                  content =
                      @Content(
                          mediaType = ProblemTypes.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)))
            }),
    tags = {
      @Tag(name = "Applications", description = "Applications and their environments."),
      @Tag(name = "Settings", description = "Typed settings and per-environment overrides."),
      @Tag(
          name = "Secrets",
          description = "Encrypted, versioned secret values; revealed only on purpose."),
      @Tag(
          name = "Releases",
          description =
              "Immutable, numbered snapshots of an environment, their history and diffs."),
      @Tag(
          name = "Rollouts",
          description =
              "Staged rollouts of a release: progress, manual control, health reports and"
                  + " alerts that roll it back."),
      @Tag(
          name = "Delivery",
          description = "The newest release for running applications: formats, ETags, watch."),
      @Tag(name = "Access", description = "Service tokens, role bindings and users."),
      @Tag(
          name = "Readiness",
          description = "The production checklist as rules, run on every change and schedule."),
      @Tag(
          name = "Audit",
          description = "The tamper-evident trail of changes, secret accesses and refusals."),
      @Tag(
          name = "Import",
          description =
              "Importing files (dotenv, properties, YAML, JSON, a Spring layout), comparing and"
                  + " copying between environments."),
      @Tag(
          name = "Change control",
          description =
              "Review policies, change requests (four eyes) and promotion of a release into"
                  + " another environment."),
      @Tag(name = "System", description = "Setpoint's own operations."),
      @Tag(
          name = "Spring Cloud Config",
          description =
              "The Spring Cloud Config Server protocol at the configured prefix (default"
                  + " /config-server): released configuration for Spring Boot's configserver:"
                  + " import."),
      @Tag(
          name = "Vault KV v2",
          description =
              "The read subset of Vault's KV v2 API at /v1, with a service token in"
                  + " X-Vault-Token; errors in Vault's {\"errors\": [...]} shape.")
    })
public class SetpointApi extends Application {}
