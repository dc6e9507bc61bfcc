/**
 * Setpoint's public HTTP contract: the JSON records other teams send and receive, the patterns
 * their identifiers follow and the problem types errors are reported with.
 */
package dev.setpoint.api;
