package dev.slipway.cli.promote;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.registry.RegistryClientFactory;
import dev.slipway.release.policy.GitSourceVerifier;
import dev.slipway.release.promotion.EdgeGate;
import dev.slipway.release.publish.PublishingGate;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** The publishing-rule options of {@code slipway promote}: the gate checked on every image while planning. */
final class RuleOptions implements AutoCloseable {
    @Option(names = "--skip-publishing-rules", description = "EMERGENCY ONLY: do not check the OpenStack publishing "
            + "rules; a warning is printed and every audit record says they were skipped")
    boolean skip;

    @Option(names = "--require-signed-tags", description = "The source commit of each image must carry a git tag "
            + "that git verify-tag accepts with --tag-keyring")
    boolean requireSignedTags;

    @Option(names = "--tag-keyring", paramLabel = "GNUPGHOME",
            description = "GnuPG home holding the public keys release tags may be signed with")
    Path tagKeyring;

    private Path emptyHome;

    /** The gate; prints the warning when the rules are skipped. */
    EdgeGate gate(RegistryClientFactory registries, ObjectMapper json, PrintWriter err) {
        if (requireSignedTags != (tagKeyring != null)) {
            throw new IllegalArgumentException("--require-signed-tags and --tag-keyring go together");
        }
        if (skip) {
            err.println("slipway promote: WARNING: --skip-publishing-rules: the OpenStack publishing rules are NOT "
                    + "checked; this is for emergencies only and every audit record of this run says so");
            err.flush();
            return PublishingGate.skipped("--skip-publishing-rules (emergency)");
        }
        return new PublishingGate(registries, json, Clock.systemUTC(),
                new GitSourceVerifier(tagKeyring != null ? tagKeyring : emptyHome(), Duration.ofMinutes(2)),
                requireSignedTags);
    }

    /** Commit checks need no keys; an empty private GnuPG home keeps the user's own keyring out of them. */
    private Path emptyHome() {
        try {
            emptyHome = Files.createTempDirectory("slipway-no-keys-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return emptyHome;
        } catch (IOException e) {
            throw new UncheckedIOException("Tried to create an empty GnuPG home but could not", e);
        }
    }

    @Override
    public void close() {
        if (emptyHome == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(emptyHome)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: an empty temporary directory
        }
    }
}
