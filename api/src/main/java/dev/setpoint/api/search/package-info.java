/** Search across applications: what a search answers. */
package dev.setpoint.api.search;
