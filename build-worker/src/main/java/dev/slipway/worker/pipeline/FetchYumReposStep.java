package dev.slipway.worker.pipeline;

import dev.slipway.worker.dockerfile.DockerfileRewriter;
import dev.slipway.worker.yum.YumRepoFetcher;
import dev.slipway.worker.yum.YumRepoFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Step 1b (OSBS's inject_yum_repos, first half): fetch and check every {@code yum_repourls} file before the engine
 * starts or any registry is written, and put them in the build context for the final Dockerfile to COPY.
 */
final class FetchYumReposStep implements BuildStep {
    /** The build-context directory the repo files are copied from. */
    static final String CONTEXT_DIR = ".slipway-yum-repos";
    private final YumRepoFetcher fetcher;

    FetchYumReposStep(YumRepoFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public String name() {
        return "fetch_yum_repos";
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        Path dir = state.buildContext.resolve(CONTEXT_DIR);
        Files.createDirectories(dir);
        for (URI url : state.request.yumRepoUrls()) {
            YumRepoFile repo = fetcher.fetch(url);
            if (state.yumRepos.stream().anyMatch(r -> r.fileName().equals(repo.fileName()))) {
                state.log.line("Yum repo file " + url + " given twice; used once");
                continue;
            }
            Files.writeString(dir.resolve(repo.fileName()), repo.text());
            state.yumRepos.add(repo);
            state.log.line("Yum repo file " + url + " -> " + DockerfileRewriter.YUM_REPOS_D + "/" + repo.fileName()
                    + " (repositories " + String.join(", ", repo.repoIds()) + "; sha256 " + repo.sha256() + ")");
        }
    }
}
