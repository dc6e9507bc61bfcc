/** Request and response bodies for releases, their differences, and the consumers seen. */
package dev.setpoint.api.release;
