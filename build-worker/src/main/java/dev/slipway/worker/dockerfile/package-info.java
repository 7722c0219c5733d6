/**
 * The Dockerfile layer of the build pipeline: parsing a Dockerfile the way the Docker Engine's legacy builder
 * reads it, refusing what that builder cannot build before any build starts, evaluating the final stage's labels
 * and environment, checking labels the OSBS way, and rewriting the Dockerfile with pinned parents, the build's
 * labels and its buildinfo copy.
 *
 * <p>Entry points: {@link dev.slipway.worker.dockerfile.Dockerfile#parse(String)},
 * {@link dev.slipway.worker.dockerfile.ImageLabels#of(Dockerfile)} and
 * {@link dev.slipway.worker.dockerfile.DockerfileRewriter#rewrite}.
 */
package dev.slipway.worker.dockerfile;
