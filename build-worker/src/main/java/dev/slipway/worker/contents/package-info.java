/**
 * What is installed in an image, read straight from its saved layer tars ({@link
 * dev.slipway.worker.contents.LayeredFiles}: last layer wins, whiteouts applied, no container): readers for rpm's
 * databases (sqlite, Berkeley DB, ndb) and dpkg's status file producing a
 * {@link dev.slipway.common.content.PackageManifest}.
 */
package dev.slipway.worker.contents;
