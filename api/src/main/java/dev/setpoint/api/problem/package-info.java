/** RFC 9457 problem details: the shape of every error Setpoint answers with. */
package dev.setpoint.api.problem;
