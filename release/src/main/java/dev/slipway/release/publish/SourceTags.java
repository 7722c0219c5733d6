package dev.slipway.release.publish;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
        ProcessBuilder git = new ProcessBuilder("git", "ls-remote", "--tags", "--", repository);
        git.environment().put("GIT_TERMINAL_PROMPT", "0");
        try {
            Process process = git.start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readQuietly(process));
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new SlipwayException(ErrorCode.PROMOTION_FACTS_UNREADABLE,
                        "Tried to list the tags of " + repository + " but git ls-remote took over 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new SlipwayException(ErrorCode.PROMOTION_FACTS_UNREADABLE, "Tried to list the tags of "
                        + repository + " but git ls-remote failed: "
                        + new String(err.join(), StandardCharsets.UTF_8).strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PROMOTION_FACTS_UNREADABLE,
                    "Tried to run git ls-remote on " + repository + " but could not: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while listing the tags of " + repository, e);
        }
    }

    private static byte[] readQuietly(Process process) {
        try {
            return process.getErrorStream().readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
