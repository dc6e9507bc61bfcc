/**
 * The {@code setpoint} command line: run a program with an environment's release as environment
 * variables, or export the release as the server renders it.
 */
package dev.setpoint.client.cli;
