/**
 * The build verbs of the {@code slipway} command: container-build (from a dist-git checkout), build-info,
 * list-builds, package-images, download.
 */
package dev.slipway.cli.build;
