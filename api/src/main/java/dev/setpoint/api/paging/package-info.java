/** The envelope every list endpoint answers with. */
package dev.setpoint.api.paging;
