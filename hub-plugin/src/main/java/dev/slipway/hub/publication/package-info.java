/**
 * Where builds were published: promotion audit lines recorded against the builds that made the images, and the
 * queries that show them on a build.
 */
package dev.slipway.hub.publication;
