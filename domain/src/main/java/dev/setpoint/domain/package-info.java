/**
 * Setpoint's domain: applications, environments and settings, the rules they obey, and the use
 * cases that change them. Nothing here knows about HTTP or about how data is stored.
 */
package dev.setpoint.domain;
