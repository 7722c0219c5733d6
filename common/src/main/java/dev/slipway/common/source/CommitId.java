package dev.slipway.common.source;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A full git object name in lower-case hex: 40 digits in a SHA-1 repository, 64 in a SHA-256 one (git's
 * {@code extensions.objectFormat}). Short ids, upper case, branch and tag names are refused because they do not
 * name one immutable object.
 *
 * <p>Decision: the type accepts both object formats, because hook input, provenance and approvals may come from a
 * SHA-256 repository; callers that can only handle SHA-1 (a build's {@code src}, fetched with JGit, and Koji's
 * {@code url#commit} form) additionally require {@link #isSha1()}.
 */
public record CommitId(String hex) {
    /** The length of a SHA-1 object name. */
    public static final int SHA1_LENGTH = 40;
    /** The length of a SHA-256 object name. */
    public static final int SHA256_LENGTH = 64;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    public CommitId {
        if (!isValid(hex)) {
            throw new InvalidValueException(ErrorCode.SOURCE_NOT_A_COMMIT, "commit id", String.valueOf(hex),
                    "expected a full commit id of 40 (SHA-1) or 64 (SHA-256) lower-case hex digits");
        }
    }

    /** Parses a full commit id; throws {@link InvalidValueException} (SOURCE_NOT_A_COMMIT) keeping the text. */
    public static CommitId parse(String text) {
        return new CommitId(text);
    }

    /** True when {@code text} is a full lower-case commit id of either object format. */
    public static boolean isValid(String text) {
        return text != null && HEX.matcher(text).matches();
    }

    /** True for a SHA-1 object name (40 digits). */
    public boolean isSha1() {
        return hex.length() == SHA1_LENGTH;
    }

    /** True for git's all-zero id, which hooks receive for a created or deleted ref. */
    public boolean isZero() {
        return hex.chars().allMatch(c -> c == '0');
    }

    @Override
    public String toString() {
        return hex;
    }
}
