/** {@code /search}: search across the applications the caller may see. */
package dev.setpoint.web.search;
