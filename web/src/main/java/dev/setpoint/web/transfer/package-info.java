/** Imports, environment comparisons and copies: their resources and views. */
package dev.setpoint.web.transfer;
