/**
 * Getting configuration in and around: importing files (dotenv, properties, YAML, JSON, a Spring
 * Cloud Config layout) as a plan that is then applied in one transaction, comparing two
 * environments and copying keys from one to another, all through the setting and secret use cases.
 */
package dev.setpoint.domain.transfer;
