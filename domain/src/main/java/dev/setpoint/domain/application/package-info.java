/** Applications, their environments, and the use cases that create, change and remove them. */
package dev.setpoint.domain.application;
