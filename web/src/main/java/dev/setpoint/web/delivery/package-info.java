/** The delivery endpoint for running applications, and the formats it renders. */
package dev.setpoint.web.delivery;
