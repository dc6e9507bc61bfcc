/** Records of imports (their plans), environment comparisons and copies. */
package dev.setpoint.api.transfer;
