/** The build verbs of the {@code slipway} command: container-build (from a dist-git checkout) and build-info. */
package dev.slipway.cli.build;
