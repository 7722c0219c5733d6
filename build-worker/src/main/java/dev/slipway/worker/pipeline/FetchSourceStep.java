package dev.slipway.worker.pipeline;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.worker.source.SourceFetcher;
import java.nio.file.Files;
import java.nio.file.Path;

/** The fetch_source step, first in the recipe: check out the dist-git commit and read its Dockerfile. */
final class FetchSourceStep implements BuildStep {
    private final SourceFetcher fetcher;

    FetchSourceStep(SourceFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public String name() {
        return "fetch_source";
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        Path checkout = state.workDir.resolve("source");
        state.source = fetcher.fetch(state.request.source(), checkout);
        Path dockerfile = checkout.resolve("Dockerfile");
        if (!Files.isRegularFile(dockerfile)) {
            throw new SlipwayException(ErrorCode.SOURCE_NO_DOCKERFILE, "Commit " + state.request.source().commit()
                    + " of " + state.request.source().repository() + " has no Dockerfile at the top level");
        }
        state.originalDockerfile = Files.readString(dockerfile);
        state.buildContext = checkout;
        state.log.line("Fetched " + state.request.source() + " (" + state.source.subject() + ")");
    }
}
