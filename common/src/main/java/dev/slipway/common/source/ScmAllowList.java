package dev.slipway.common.source;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The SCM locations builds may come from, as {@code scheme://host[:port][/path-prefix]} entries (Koji's
 * {@code allowed_scms}). Scheme and host compare without case, the port exactly and the path by whole segments,
 * so {@code https://src.example/containers} admits {@code .../containers/foo} but not {@code .../containers-evil}.
 *
 * <p>Decision: a repository whose path has a {@code ..} segment, written plainly or percent-encoded
 * ({@code %2e%2e}), is refused outright rather than normalised: git servers and file systems resolve such paths
 * in their own ways, so no prefix comparison can vouch for where it leads.
 */
public record ScmAllowList(List<String> entries) {
    public ScmAllowList {
        // Entry errors repeat the entry as configured: the operator reads them, and 'mailto:x@host' is no secret.
        entries = List.copyOf(entries);
        for (String entry : entries) {
            URI uri;
            try {
                uri = new URI(entry);
            } catch (URISyntaxException e) {
                throw new SlipwayException(ErrorCode.CONFIG_INVALID, "SCM allow-list entry '" + entry
                        + "' is not a valid URL: " + e.getReason());
            }
            if (uri.getScheme() == null || (uri.getHost() == null && !"file".equals(uri.getScheme()))) {
                throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                        "SCM allow-list entry '" + entry + "' must be scheme://host[/path]");
            }
        }
    }

    /** The allow-list that also admits exactly this repository (what a standalone command's user typed). */
    public ScmAllowList plus(URI repository) {
        List<String> more = new ArrayList<>(entries);
        more.add(repository.toString());
        return new ScmAllowList(more);
    }

    /** Throws SOURCE_NOT_ALLOWED unless some entry admits the repository. */
    public void check(URI repository) {
        String shown = SourceSpec.redact(String.valueOf(repository));
        if (hasDotDotSegment(repository.getPath())) {
            throw new SlipwayException(ErrorCode.SOURCE_NOT_ALLOWED, "Source repository '" + shown
                    + "' has a '..' path segment; the SCM allow-list admits only plain paths");
        }
        for (String entry : entries) {
            if (admits(URI.create(entry), repository)) {
                return;
            }
        }
        throw new SlipwayException(ErrorCode.SOURCE_NOT_ALLOWED, "Source repository '" + shown
                + "' is not in the SCM allow-list " + entries.stream().map(SourceSpec::redact).toList());
    }

    /** Checks the decoded path, so {@code %2e%2e} counts as {@code ..}. */
    private static boolean hasDotDotSegment(String decodedPath) {
        return decodedPath != null && Arrays.asList(decodedPath.split("/", -1)).contains("..");
    }

    private static boolean admits(URI allowed, URI candidate) {
        if (!allowed.getScheme().equalsIgnoreCase(candidate.getScheme())) {
            return false;
        }
        if (!hostOf(allowed).equals(hostOf(candidate)) || allowed.getPort() != candidate.getPort()) {
            return false;
        }
        String prefix = normalise(allowed.getPath());
        String path = normalise(candidate.getPath());
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static String hostOf(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    /** Drops {@code .} segments and trailing slashes. */
    private static String normalise(String path) {
        if (path == null) {
            return "";
        }
        String p;
        try {
            // The multi-argument constructor quotes whatever the decoded path holds ('%', '|', spaces...).
            p = new URI(null, null, path, null).normalize().getPath();
        } catch (URISyntaxException e) {
            throw new SlipwayException(ErrorCode.SOURCE_NOT_ALLOWED, "Cannot compare the path '" + path
                    + "' with the SCM allow-list: " + e.getReason());
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
