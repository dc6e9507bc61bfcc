package dev.setpoint.domain.platform;

/** Fired once the database schema is up to date, before the first request can use it. */
public record SchemaReady() {}
