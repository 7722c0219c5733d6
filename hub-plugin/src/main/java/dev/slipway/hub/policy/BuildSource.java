package dev.slipway.hub.policy;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * A {@code buildContainer} source as Koji writes it, {@code <git url>#<40-hex commit>}, and the component it
 * builds: the dist-git repository name (last path segment without {@code .git}), as Koji and OSBS derive it before
 * the Dockerfile's labels are known.
 */
public record BuildSource(URI repository, String commit, String component) {
    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{40}");

    /** Parses and checks {@code text}; refuses branches, short ids, credentials and non-URLs. */
    public static BuildSource parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SlipwayException(ErrorCode.SOURCE_INVALID, "No src given; expected <git url>#<40-hex commit>");
        }
        if (text.length() > 2048 || text.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new SlipwayException(ErrorCode.SOURCE_INVALID,
                    "src must be at most 2048 printable characters without spaces");
        }
        int hash = text.lastIndexOf('#');
        if (hash < 0) {
            throw new SlipwayException(ErrorCode.SOURCE_NOT_A_COMMIT,
                    "src '" + text + "' has no '#<commit>'; expected <git url>#<40-hex commit>");
        }
        String commit = text.substring(hash + 1);
        if (!FULL_SHA.matcher(commit).matches()) {
            throw new SlipwayException(ErrorCode.SOURCE_NOT_A_COMMIT, "src '" + text
                    + "' must end in '#' and a full 40-character lower-case commit id, not a branch or short id");
        }
        URI uri;
        try {
            uri = new URI(text.substring(0, hash));
        } catch (URISyntaxException e) {
            throw new SlipwayException(ErrorCode.SOURCE_INVALID,
                    "src URL '" + text.substring(0, hash) + "' is not a valid URL: " + e.getReason());
        }
        if (uri.getScheme() == null || uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
            throw new SlipwayException(ErrorCode.SOURCE_INVALID,
                    "src URL '" + uri + "' must be an absolute URL with a repository path");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null) {
            throw new SlipwayException(ErrorCode.SOURCE_INVALID,
                    "src URL '" + uri + "' must be anonymous and without a query");
        }
        return new BuildSource(uri, commit, componentOf(uri));
    }

    private static String componentOf(URI uri) {
        String path = uri.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.endsWith(".git")) {
            last = last.substring(0, last.length() - 4);
        }
        return Names.check("component (repository name)", last);
    }

    @Override
    public String toString() {
        return repository + "#" + commit;
    }
}
