/**
 * The SCM port: checks out exactly one dist-git commit into a directory; {@code GitSourceFetcher} is its JGit adapter
 * and the only user of JGit.
 */
package dev.slipway.worker.source;
