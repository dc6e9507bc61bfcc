/**
 * How the domain is stored: JPA repositories over the container DataSource, and the schema; and the
 * domain's other ports to the outside world (outbound).
 */
package dev.setpoint.persistence;
