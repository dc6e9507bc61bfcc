/** Request and response bodies for applications and their environments. */
package dev.setpoint.api.application;
