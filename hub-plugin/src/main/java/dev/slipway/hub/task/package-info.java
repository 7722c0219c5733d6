/**
 * The task queue, Koji's way: submission after the policy checks, claims as conditional state changes, heartbeats,
 * outcomes, the append-only task log and the user's task calls.
 */
package dev.slipway.hub.task;
