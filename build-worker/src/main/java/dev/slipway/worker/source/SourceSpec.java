package dev.slipway.worker.source;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * A build source as Koji writes it: {@code <git url>#<40-hex commit>}. Branch names and short ids are refused
 * because they do not name one immutable tree.
 */
public record SourceSpec(URI repository, String commit) {
    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{40}");

    public SourceSpec {
        if (repository == null || repository.getScheme() == null) {
            throw new SlipwayException(ErrorCode.SOURCE_INVALID,
                    "Source repository '" + repository + "' must be an absolute URL with a scheme");
        }
        if (commit == null || !FULL_SHA.matcher(commit).matches()) {
            throw new SlipwayException(ErrorCode.SOURCE_NOT_A_COMMIT, "Source '" + repository + "#" + commit
                    + "' must end in '#' and a full 40-character lower-case commit id, not a branch, tag or"
                    + " short id");
        }
    }

    /** Parses {@code url#commit}. */
    public static SourceSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SlipwayException(ErrorCode.SOURCE_INVALID, "No source given; expected <git url>#<commit>");
        }
        int hash = text.lastIndexOf('#');
        if (hash < 0) {
            throw new SlipwayException(ErrorCode.SOURCE_NOT_A_COMMIT,
                    "Source '" + text + "' has no '#<commit>'; expected <git url>#<40-hex commit>");
        }
        URI uri;
        try {
            uri = new URI(text.substring(0, hash));
        } catch (URISyntaxException e) {
            throw new SlipwayException(ErrorCode.SOURCE_INVALID,
                    "Source URL '" + text.substring(0, hash) + "' is not a valid URL: " + e.getReason());
        }
        if (uri.getUserInfo() != null) {
            // Name the repository without echoing the credentials.
            String anonymous = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + uri.getRawPath();
            throw new SlipwayException(ErrorCode.SOURCE_INVALID, "Source URL for " + anonymous
                    + " must be anonymous; credentials in the URL would end up in image labels");
        }
        return new SourceSpec(uri, text.substring(hash + 1));
    }

    @Override
    public String toString() {
        return repository + "#" + commit;
    }
}
