package dev.setpoint.api.change;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The release a promotion carries. */
@Schema(name = "PromotionSource", description = "The release a promotion carries.")
public record PromotionSourceView(String environment, int release) {}
