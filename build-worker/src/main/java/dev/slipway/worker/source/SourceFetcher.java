package dev.slipway.worker.source;

import java.nio.file.Path;

/** Port to the SCM: checks out exactly one commit of a repository into a directory. */
public interface SourceFetcher {
    /**
     * Fetches the commit into {@code workDir} (which must not exist or be empty) and returns the checkout.
     *
     * @throws dev.slipway.common.error.SlipwayException SOURCE_FETCH_FAILED or SOURCE_COMMIT_UNKNOWN
     */
    FetchedSource fetch(SourceSpec source, Path workDir);

    /** A checked-out source tree and facts about the commit recorded in build metadata. */
    record FetchedSource(Path directory, SourceSpec source, String author, java.time.Instant commitTime,
            String subject) {
    }
}
