/** Building blocks every feature uses: domain exceptions, identifiers, preconditions and paging. */
package dev.setpoint.domain.shared;
