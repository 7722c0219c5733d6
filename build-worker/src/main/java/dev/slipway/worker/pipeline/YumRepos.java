package dev.slipway.worker.pipeline;

import dev.slipway.common.api.CgDocument;
import java.util.List;

/** The yum_repourls files a build used, as its result and its CG document record them. */
final class YumRepos {
    private YumRepos() {
    }

    static List<CgDocument.YumRepo> of(PipelineRun s) {
        return s.yumRepos.stream()
                .map(r -> new CgDocument.YumRepo(r.url().toString(), r.fileName(), r.repoIds(), r.sha256())).toList();
    }
}
