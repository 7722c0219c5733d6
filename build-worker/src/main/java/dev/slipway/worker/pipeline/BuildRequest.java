package dev.slipway.worker.pipeline;

import dev.slipway.common.api.ParentBuild;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Nvr;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.common.source.SourceSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One buildContainer request as the worker runs it.
 *
 * @param target the Koji build target (names the unique tag)
 * @param release an explicit release, or null to take the Dockerfile's or compute the next one
 * @param mirrorRoot where non-scratch builds are exported, or null for no mirror
 * @param owner who asked for the build (Koji build owner)
 * @param isolated an isolated (hot-fix) build: needs an explicit release and never moves {@code version}/{@code latest}
 * @param yumRepoUrls {@code .repo} files every RUN of the build sees in {@code /etc/yum.repos.d/}
 * @param kojiParent the hub-resolved {@code koji_parent_build}: the final stage's FROM is pinned to its image of
 *     this worker's arch; null to resolve the Dockerfile's parent in its registry
 */
public record BuildRequest(SourceSpec source, String target, List<RegistryConfig> registries, Path mirrorRoot,
        boolean scratch, String release, String owner, boolean isolated, List<URI> yumRepoUrls,
        ParentBuild kojiParent) {
    private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public BuildRequest {
        registries = List.copyOf(registries);
        yumRepoUrls = yumRepoUrls == null ? List.of() : List.copyOf(yumRepoUrls);
        if (target == null || !TARGET.matcher(target).matches()) {
            throw new SlipwayException(ErrorCode.INVALID_TARGET, "Build target '" + target
                    + "' must be 1 to 64 letters, digits, '.', '_' or '-' and start with a letter or digit");
        }
        if (registries.isEmpty()) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "No registry to push to; give at least one --registry");
        }
        if (release != null && !Nvr.RELEASE.matcher(release).matches()) {
            throw new SlipwayException(ErrorCode.INVALID_RELEASE, "Release '" + release + "' must match "
                    + Nvr.RELEASE.pattern());
        }
        if (isolated && (scratch || release == null)) {
            throw new SlipwayException(ErrorCode.INVALID_RELEASE, "An isolated build needs an explicit release and"
                    + " cannot be a scratch build");
        }
    }

    /** A build without koji_parent_build. */
    public BuildRequest(SourceSpec source, String target, List<RegistryConfig> registries, Path mirrorRoot,
            boolean scratch, String release, String owner, boolean isolated, List<URI> yumRepoUrls) {
        this(source, target, registries, mirrorRoot, scratch, release, owner, isolated, yumRepoUrls, null);
    }

    /** A regular or scratch (not isolated) build. */
    public BuildRequest(SourceSpec source, String target, List<RegistryConfig> registries, Path mirrorRoot,
            boolean scratch, String release, String owner) {
        this(source, target, registries, mirrorRoot, scratch, release, owner, false, List.of(), null);
    }
}
