package dev.slipway.release.policy;

/**
 * Where a build's source came from, as recorded with the build.
 *
 * @param repository the git URL builds fetched from (any field may be null when it was not recorded)
 * @param commit the full commit id that was built
 * @param tag the git tag the build was made from, or null when built from a branch or commit
 */
public record SourceFacts(String repository, String commit, String tag) {
}
