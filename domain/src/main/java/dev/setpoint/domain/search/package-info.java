/**
 * Search across applications: applications by slug and name, settings by key and value, secrets by
 * key name only, among what the caller may see.
 */
package dev.setpoint.domain.search;
