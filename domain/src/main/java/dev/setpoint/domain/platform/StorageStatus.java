package dev.setpoint.domain.platform;

/** Whether the store behind the repositories can serve: schema migrated and database reachable. */
public interface StorageStatus {

  /** True once every schema migration has been applied. */
  boolean schemaReady();

  /** True when a connection can be taken from the pool and answers within the timeout. */
  boolean reachable(int timeoutSeconds);

  /** A short, secret-free description of the current state for health reports. */
  String describe();
}
