package dev.slipway.release.policy;

import java.util.Optional;

/**
 * The port through which the publishing rules ask git about a build's source; {@link GitSourceVerifier} is the real
 * one, tests may pass their own.
 */
public interface SourceVerifier {

    /** Empty when {@code commit} can be fetched from {@code repository}; otherwise why it cannot. */
    Optional<String> commitProblem(String repository, String commit);

    /** Fetches {@code tag} from {@code repository} and verifies its signature against the configured keyring. */
    TagVerification verifyTag(String repository, String tag);
}
