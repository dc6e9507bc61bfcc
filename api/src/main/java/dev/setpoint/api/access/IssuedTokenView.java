package dev.setpoint.api.access;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A newly issued token: the only answer that ever carries the token itself. */
@Schema(
    name = "IssuedToken",
    description = "The token is shown once; Setpoint stores only its SHA-256 hash.")
public record IssuedTokenView(
    @Schema(description = "The token's id, for listing and revoking.") String id,
    @Schema(description = "The bearer token: stp_ followed by 256 random bits.") String token,
    TokenView details) {}
