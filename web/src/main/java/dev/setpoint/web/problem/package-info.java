/** Turns every failure into an RFC 9457 problem response; no stack trace ever reaches a client. */
package dev.setpoint.web.problem;
