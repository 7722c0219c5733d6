/** The admin verbs of the {@code slipway} command: enough to set up a hub from the command line. */
package dev.slipway.cli.admin;
