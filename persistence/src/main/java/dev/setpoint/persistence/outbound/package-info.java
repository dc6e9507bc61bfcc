/**
 * The domain's ports to the outside that are no database: webhook deliveries over HTTP and the
 * audit archive's files. Here, in the EAR's lib/ beside the repositories, so that domain beans can
 * be given them (a bean in the WAR is out of their reach).
 */
package dev.setpoint.persistence.outbound;
