/**
 * HTTP plumbing shared by all resources: request ids, entity tags, paging cursors, JSON settings.
 */
package dev.setpoint.web.http;
