package dev.slipway.hooks;

import dev.slipway.common.api.BuildContainerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One build request a push made, as it waits in the spool: the {@code buildContainer} call and its idempotency key,
 * {@code sha256(repository "\n" ref "\n" commit)}, which the hub uses to answer a retried request with the task
 * the first one made. The same commit pushed to the same branch of the same repository is therefore one request.
 *
 * @param repository the source repository URL builds fetch from
 */
public record BuildRequest(String key, String repository, String ref, String commit, BuildContainerRequest request,
        Instant spooledAt) {

    /** The request for {@code commit} pushed to {@code ref} of {@code repository}. */
    public static BuildRequest of(String repository, String ref, String commit, BuildContainerRequest request,
            Instant now) {
        return new BuildRequest(key(repository, ref, commit), repository, ref, commit, request, now);
    }

    /** The idempotency key: 64 lower-case hex characters, also the request's file name in the spool. */
    public static String key(String repository, String ref, String commit) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((repository + "\n" + ref + "\n" + commit)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A short form for messages: the branch (or ref) and the commit. */
    public String describe() {
        String branch = ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
        return branch + " at " + commit.substring(0, Math.min(12, commit.length()));
    }
}
