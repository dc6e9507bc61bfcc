/**
 * What the management commands of {@code setpoint} need: the login file and a small client of the
 * management API over the JDK HTTP client, turning problem answers into exit codes.
 */
package dev.setpoint.client.manage;
