/** Review policies, change requests and promotions over HTTP. */
package dev.setpoint.web.change;
