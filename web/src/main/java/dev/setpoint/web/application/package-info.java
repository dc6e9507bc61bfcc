/** Resources for applications and their environments. */
package dev.setpoint.web.application;
