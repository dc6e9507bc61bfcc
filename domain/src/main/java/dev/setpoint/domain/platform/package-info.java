/**
 * What the domain needs to know about the platform it runs on, such as whether storage is ready.
 */
package dev.setpoint.domain.platform;
