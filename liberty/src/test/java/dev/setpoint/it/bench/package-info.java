/**
 * Benchmarks run on demand against a running server (see docs/benchmarks.md); not part of verify.
 */
package dev.setpoint.it.bench;
