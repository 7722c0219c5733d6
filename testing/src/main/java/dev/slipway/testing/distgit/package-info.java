/**
 * Dist-git repositories for tests, made with the real git command, and the sample container's repository.
 */
package dev.slipway.testing.distgit;
