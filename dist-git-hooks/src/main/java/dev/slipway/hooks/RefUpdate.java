package dev.slipway.hooks;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.source.CommitId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a post-receive hook's input, {@code <old-sha> <new-sha> <ref>} (githooks(5)); all zeros for the old
 * id means a new ref, for the new id a deleted one.
 */
public record RefUpdate(String oldId, String newId, String ref) {
    private static final Pattern LINE = Pattern.compile("([^ ]+) ([^ ]+) "
            + "(refs/[!-~&&[^\\\\]]{1,250})");

    /** Parses one line strictly; anything else is a HOOK_INPUT_INVALID naming the line. */
    public static RefUpdate parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches() || !CommitId.isValid(m.group(1)) || !CommitId.isValid(m.group(2))
                || m.group(1).length() != m.group(2).length() || m.group(3).contains("..")) {
            String shown = line.length() > 120 ? line.substring(0, 120) + "..." : line;
            throw new SlipwayException(ErrorCode.HOOK_INPUT_INVALID, "Expected '<old-sha> <new-sha> refs/...' but got '"
                    + shown.replaceAll("[^ -~]", "?") + "'");
        }
        return new RefUpdate(m.group(1), m.group(2), m.group(3));
    }

    public boolean created() {
        return CommitId.parse(oldId).isZero();
    }

    public boolean deleted() {
        return CommitId.parse(newId).isZero();
    }

    /** The branch name for {@code refs/heads/<branch>}, or null for tags and other refs. */
    public String branch() {
        return ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : null;
    }
}
