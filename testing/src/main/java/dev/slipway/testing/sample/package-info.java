/**
 * The sample container every build test uses, with everything a build of it needs (base image, RPMs, dist-git
 * repository) made from local material.
 */
package dev.slipway.testing.sample;
