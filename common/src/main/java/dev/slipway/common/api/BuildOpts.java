package dev.slipway.common.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code opts} of {@code buildContainer}, as koji-containerbuild defines them (unknown keys are refused).
 *
 * @param archOverride space-separated arches; only with scratch or isolated
 * @param kojiParentBuild an NVR whose image replaces the Dockerfile's parent
 * @param userdata free-form JSON object, stored with the build
 */
public record BuildOpts(
        Boolean scratch,
        Boolean isolated,
        String release,
        String gitBranch,
        List<String> yumRepourls,
        String archOverride,
        String kojiParentBuild,
        JsonNode userdata) {

    public BuildOpts {
        yumRepourls = yumRepourls == null ? List.of() : List.copyOf(yumRepourls);
    }

    /** True for a scratch build. */
    @JsonIgnore
    public boolean isScratch() {
        return Boolean.TRUE.equals(scratch);
    }

    /** True for an isolated (hot-fix) build. */
    @JsonIgnore
    public boolean isIsolated() {
        return Boolean.TRUE.equals(isolated);
    }
}
