/** The hub: tasks, scheduling, build records, policy and the HTTP API (issue: the hub and worker daemon). */
package dev.slipway.hub;
