/**
 * The protocols existing clients already speak, served from released configuration through the
 * delivery use case: Spring Cloud Config Server ({@code /config-server/...}) and the read subset of
 * Vault's KV version 2 ({@code /v1/...}).
 */
package dev.setpoint.web.compat;
