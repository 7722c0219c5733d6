package dev.slipway.common.source;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A build source as Koji writes it, {@code <git url>#<40-hex commit>}: an absolute, anonymous URL with a repository
 * path and no query, and a full SHA-1 commit id. Branch names and short ids are refused because they do not name
 * one immutable tree.
 *
 * <p>Decisions: credentials never appear in any message, {@code toString} or log line: a URL with user info is
 * refused, and every message shows the text through {@link #redact}. The commit must be SHA-1 ({@link
 * CommitId#isSha1()}) because Koji's {@code src} is and the worker's fetcher reads SHA-1 repositories only. Errors
 * are {@link InvalidValueException}s whose {@code input()} is the redacted text.
 */
public record SourceSpec(URI repository, CommitId commit) {
    /** The longest source text accepted (a URL of a sane length plus '#' and the commit). */
    public static final int MAX_LENGTH = 2048;
    private static final String FORM = "expected <git url>#<40-hex commit>";

    public SourceSpec {
        if (repository == null || repository.getScheme() == null || repository.getRawPath() == null
                || repository.getRawPath().isEmpty()) {
            throw invalidUrl(repository, "must be an absolute URL with a scheme and a repository path");
        }
        if (repository.getRawUserInfo() != null
                || (repository.getRawAuthority() != null && repository.getRawAuthority().contains("@"))) {
            throw invalidUrl(repository, "must be anonymous; credentials in the URL would end up in image labels");
        }
        if (repository.getRawQuery() != null) {
            throw invalidUrl(repository, "must not have a query");
        }
        if (commit == null || !commit.isSha1()) {
            throw notACommit(repository + "#" + commit);
        }
    }

    /** A source from a URL and the text of a commit id, refusing anything but a full SHA-1 commit id. */
    public SourceSpec(URI repository, String commit) {
        this(repository, sha1(repository, commit));
    }

    /** Parses {@code url#commit}; throws SOURCE_INVALID or SOURCE_NOT_A_COMMIT naming the (redacted) text. */
    public static SourceSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(ErrorCode.SOURCE_INVALID, "source", String.valueOf(text),
                    "no source given; " + FORM);
        }
        if (text.length() > MAX_LENGTH || text.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new InvalidValueException(ErrorCode.SOURCE_INVALID, "source", shown(text),
                    "must be at most " + MAX_LENGTH + " printable characters without spaces");
        }
        int hash = text.lastIndexOf('#');
        if (hash < 0) {
            throw new InvalidValueException(ErrorCode.SOURCE_NOT_A_COMMIT, "source", redact(text),
                    "has no '#<commit>'; " + FORM);
        }
        String url = text.substring(0, hash);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // e.getMessage() repeats the input; only the reason is safe to show.
            throw new InvalidValueException(ErrorCode.SOURCE_INVALID, "source URL", redact(url),
                    "is not a valid URL: " + e.getReason());
        }
        return new SourceSpec(uri, text.substring(hash + 1));
    }

    /**
     * The repository's name: its last path segment without {@code .git} (how Koji and OSBS name the component
     * before the Dockerfile's labels are known); may be empty for a URL like {@code https://host/}.
     */
    public String component() {
        String path = repository.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.endsWith(".git") ? last.substring(0, last.length() - 4) : last;
    }

    /**
     * {@code text} with any user info of a URL (between {@code scheme://} and the first '@' of the authority, or
     * before the '@' of an scp-like {@code user@host:path}) replaced by {@code ***}; for messages and logs.
     */
    public static String redact(String text) {
        if (text == null) {
            return "null";
        }
        int scheme = text.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = start;
        while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        int at = end == start ? -1 : text.lastIndexOf('@', end - 1);
        return at >= start ? text.substring(0, start) + "***@" + text.substring(at + 1) : text;
    }

    private static CommitId sha1(URI repository, String commit) {
        if (!CommitId.isValid(commit) || commit.length() != CommitId.SHA1_LENGTH) {
            throw notACommit(redact(String.valueOf(repository)) + "#" + commit);
        }
        return CommitId.parse(commit);
    }

    private static InvalidValueException notACommit(String shownSource) {
        return new InvalidValueException(ErrorCode.SOURCE_NOT_A_COMMIT, "source", shown(shownSource),
                "must end in '#' and a full 40-character lower-case commit id, not a branch, tag or short id");
    }

    private static InvalidValueException invalidUrl(URI repository, String reason) {
        return new InvalidValueException(ErrorCode.SOURCE_INVALID, "source URL",
                shown(String.valueOf(repository)), reason);
    }

    /** Redacted, without control characters, and short enough for a message. */
    private static String shown(String text) {
        String safe = redact(text).replaceAll("[\\x00-\\x1f\\x7f]", "?");
        return safe.length() > 200 ? safe.substring(0, 200) + "..." : safe;
    }

    @Override
    public String toString() {
        return repository + "#" + commit;
    }
}
