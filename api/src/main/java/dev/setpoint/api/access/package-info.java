/** Service tokens, role bindings and users: the identity and access part of the contract. */
package dev.setpoint.api.access;
