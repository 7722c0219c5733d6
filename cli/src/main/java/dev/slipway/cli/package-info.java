/** The slipway command, a fedpkg/koji-style client of the hub (issue: the hub and worker daemon). */
package dev.slipway.cli;
