/** Request and response bodies for secrets: write-only values, metadata, and revealed values. */
package dev.setpoint.api.secret;
