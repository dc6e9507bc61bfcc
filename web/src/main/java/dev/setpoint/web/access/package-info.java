/** Service tokens, role bindings, users and "who am I". */
package dev.setpoint.web.access;
