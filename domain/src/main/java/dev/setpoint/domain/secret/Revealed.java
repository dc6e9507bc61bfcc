package dev.setpoint.domain.secret;

/** A secret value revealed on purpose: which secret, which version, and the value. */
public record Revealed(String key, int version, SecretValue value) {}
