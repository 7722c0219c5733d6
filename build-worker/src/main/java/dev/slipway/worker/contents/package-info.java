/**
 * What is installed in an image: readers for the package databases copied out of an image (rpmdb in sqlite or
 * Berkeley DB form, dpkg's status file) producing a {@link dev.slipway.common.content.PackageManifest}.
 */
package dev.slipway.worker.contents;
