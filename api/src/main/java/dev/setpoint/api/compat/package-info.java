/**
 * The wire shapes of the compatibility protocols (Spring Cloud Config Server, Vault KV v2 read), as
 * documented in the OpenAPI document; the protocols fix their field names, in their own spelling.
 */
package dev.setpoint.api.compat;
