/**
 * Authentication (Jakarta Security: one mechanism for HTTP Basic, service tokens and OpenID Connect
 * JWTs, each checked by its identity store), rate limits, and the admin bootstrap. Authorization is
 * not here: the domain services decide it.
 */
package dev.setpoint.web.security;
