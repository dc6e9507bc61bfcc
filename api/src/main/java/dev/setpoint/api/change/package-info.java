/** Review policies, change requests and promotions. */
package dev.setpoint.api.change;
