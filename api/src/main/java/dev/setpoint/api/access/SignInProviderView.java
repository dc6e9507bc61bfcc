package dev.setpoint.api.access;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenID Connect provider people may sign in to the console with. */
@Schema(
    name = "SignInProvider",
    description =
        "The organisation's OpenID Connect provider, when sign-in through it is configured: the"
            + " name the sign-in page shows and where its button leads.")
public record SignInProviderView(
    @Schema(description = "The provider's display name.", example = "Acme SSO") String name,
    @Schema(
            description = "Open this path (a top-level navigation) to sign in through it.",
            example = "/api/v1/session/oidc/start")
        String start) {}
