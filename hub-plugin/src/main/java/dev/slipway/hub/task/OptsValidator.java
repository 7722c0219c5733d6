package dev.slipway.hub.task;

import dev.slipway.common.api.BuildOpts;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Nvr;
import dev.slipway.hub.naming.Names;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks {@code buildContainer} opts the way koji-containerbuild's schema and handler do: git_branch required,
 * scratch and isolated exclusive, isolated needs a release of the form {@code N.N[.x]}, arch_override only for
 * scratch or isolated builds.
 */
public final class OptsValidator {
    /** osbs-client's ISOLATED_RELEASE_FORMAT. */
    private static final Pattern ISOLATED_RELEASE = Pattern.compile("^\\d+\\.\\d+(\\..+)?$");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/+-]{1,255}");
    private static final int MAX_REPOS = 64;

    /** Throws BAD_OPTS (or INVALID_RELEASE) naming the first problem. */
    public void check(BuildOpts opts) {
        if (opts == null) {
            throw bad("opts are required (at least git_branch)");
        }
        if (opts.gitBranch() == null || !BRANCH.matcher(opts.gitBranch()).matches()) {
            throw bad("git_branch is required: the dist-git branch the commit is on (e.g. f40)");
        }
        if (opts.isScratch() && opts.isIsolated()) {
            throw bad("scratch and isolated are mutually exclusive");
        }
        if (opts.isIsolated() && opts.release() == null) {
            throw bad("an isolated build needs an explicit release");
        }
        if (opts.release() != null) {
            Pattern rule = opts.isIsolated() ? ISOLATED_RELEASE : Nvr.RELEASE;
            if (!rule.matcher(opts.release()).matches() || opts.release().length() > 64) {
                throw new SlipwayException(ErrorCode.INVALID_RELEASE, "release '" + Names.shorten(opts.release())
                        + "' must match " + rule.pattern() + (opts.isIsolated() ? " for an isolated build" : ""));
            }
        }
        if (opts.archOverride() != null) {
            if (!opts.isScratch() && !opts.isIsolated()) {
                throw bad("arch_override is only allowed for scratch or isolated builds");
            }
            if (arches(opts).isEmpty()) {
                throw bad("arch_override lists no arch");
            }
            arches(opts).forEach(Names::arch);
        }
        if (opts.yumRepourls().size() > MAX_REPOS) {
            throw bad("at most " + MAX_REPOS + " yum_repourls are allowed");
        }
        for (String url : opts.yumRepourls()) {
            checkRepoUrl(url);
        }
        if (opts.kojiParentBuild() != null) {
            try {
                Nvr.parse(opts.kojiParentBuild());
            } catch (SlipwayException e) {
                throw bad("koji_parent_build must be an NVR: " + e.getMessage());
            }
        }
        if (opts.userdata() != null && !opts.userdata().isNull() && !opts.userdata().isObject()) {
            throw bad("userdata must be a JSON object");
        }
    }

    /** The arches named by arch_override (space-separated), empty when absent. */
    public static List<String> arches(BuildOpts opts) {
        if (opts.archOverride() == null) {
            return List.of();
        }
        return Arrays.stream(opts.archOverride().trim().split("\\s+")).filter(a -> !a.isEmpty()).toList();
    }

    private static void checkRepoUrl(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url);
        } catch (URISyntaxException e) {
            throw bad("yum_repourls entry '" + Names.shorten(url) + "' is not a URL: " + e.getReason());
        }
        if (uri == null || uri.getScheme() == null
                || !List.of("http", "https", "file").contains(uri.getScheme()) || uri.getUserInfo() != null) {
            throw bad("yum_repourls entry '" + Names.shorten(url) + "' must be an anonymous http(s) or file URL");
        }
    }

    private static SlipwayException bad(String message) {
        return new SlipwayException(ErrorCode.BAD_OPTS, "Invalid opts: " + message);
    }
}
