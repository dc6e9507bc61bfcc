/** Search across applications, in JPQL over the catalog's tables. */
package dev.setpoint.persistence.search;
