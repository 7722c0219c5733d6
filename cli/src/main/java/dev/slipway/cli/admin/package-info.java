/**
 * The administration verbs of the {@code slipway} command: tags, targets, packages (add, block, unblock), hosts
 * (add, list, edit), users and tokens (create, list, revoke), whoami.
 */
package dev.slipway.cli.admin;
