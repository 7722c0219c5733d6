package dev.slipway.release.publish;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.process.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the git tags that point at a built commit, asking the recorded source repository itself
 * ({@code git ls-remote --tags}): the image records the commit ({@code vcs-ref}), not the tag, and a tag made after
 * the build still names the reviewed point in history the rules ask for.
 */
final class SourceTags {
    private SourceTags() {
    }

    /** The names of the tags in {@code repository} whose commit (peeled) is {@code commit}, sorted. */
    static List<String> pointingAt(String repository, String commit) {
        if (repository == null || repository.startsWith("-") || commit == null) {
            return List.of();
        }
        String listing = lsRemote(repository);
        List<String> tags = new ArrayList<>();
        for (String line : listing.split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length != 2 || !parts[0].equals(commit) || !parts[1].startsWith("refs/tags/")) {
                continue;
            }
            // An annotated tag's own line names the tag object; its "^{}" line names the commit.
            String name = parts[1].substring("refs/tags/".length()).replace("^{}", "");
            if (!tags.contains(name)) {
                tags.add(name);
            }
        }
        return tags.stream().sorted().toList();
    }

    private static String lsRemote(String repository) {
        return Command.of("git", "ls-remote", "--tags", "--", repository).env("GIT_TERMINAL_PROMPT", "0")
                .timeout(Duration.ofMinutes(2)).failingWith(ErrorCode.PROMOTION_FACTS_UNREADABLE).output();
    }
}
