/**
 * The use cases on applications and their environments: register, read, change and remove them.
 * Above {@code access} (they authorize) and {@code audit} (they record); the model they work on
 * lives in {@code application}.
 */
package dev.setpoint.domain.catalog;
