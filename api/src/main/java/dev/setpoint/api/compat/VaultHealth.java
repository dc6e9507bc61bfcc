package dev.setpoint.api.compat;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Vault's {@code sys/health}: Setpoint is one initialized, active node, sealed while its master
 * keys are not loaded.
 */
@Schema(name = "VaultHealth")
public record VaultHealth(
    boolean initialized,
    boolean sealed,
    boolean standby,
    boolean performance_standby,
    String replication_performance_mode,
    String replication_dr_mode,
    long server_time_utc,
    String version,
    String cluster_name) {}
