package dev.slipway.worker.source;

import dev.slipway.common.source.SourceSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Port to the SCM: checks out exactly one commit of a repository into a directory. */
public interface SourceFetcher {
    /**
     * Fetches the commit into {@code workDir} (which must not exist or be empty) and returns the checkout.
     *
     * @throws dev.slipway.common.error.SlipwayException SOURCE_FETCH_FAILED or SOURCE_COMMIT_UNKNOWN
     */
    FetchedSource fetch(SourceSpec source, Path workDir);

    /**
     * A checked-out source tree and facts about the commit recorded in build metadata.
     *
     * @param tags the repository's tags that point at the commit, sorted (release builds may require a signed one)
     */
    record FetchedSource(Path directory, SourceSpec source, String author, Instant commitTime,
            String subject, List<String> tags) {
        public FetchedSource {
            tags = List.copyOf(tags);
        }
    }
}
