package dev.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.registry.BlobSource;
import dev.slipway.registry.RegistryClientConfig;
import dev.slipway.registry.RegistryClientFactory;
import dev.slipway.registry.auth.CredentialsSource;
import dev.slipway.testing.distgit.DistGitRepo;
import dev.slipway.testing.registry.AuthMode;
import dev.slipway.testing.registry.Skopeo;
import dev.slipway.testing.registry.TestImage;
import dev.slipway.testing.registry.TestRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code slipway promote} end to end: a real registry, a real git checkout, the command's output and exit status. */
class PromoteCommandIT {

    /** What one command run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    private static Run slipway(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new SlipwayCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void promote_unlabelledImage_isRefusedUnlessRulesAreSkipped(@TempDir Path dir) throws Exception {
        try (TestRegistry registry = TestRegistry.start(AuthMode.OPEN)) {
            TestImage image = TestImage.create("cli.txt", "promoted by the cli", TestImage.Format.DOCKER);
            new RegistryClientFactory(RegistryClientConfig.defaults(), CredentialsSource.none(), new ObjectMapper())
                    .forHost(registry.hostPort()).pushImage("staging/tool", "1.0", image.manifest(),
                            image.mediaType(), List.of(BlobSource.ofBytes(image.config()),
                                    BlobSource.ofBytes(image.layer())));
            DistGitRepo repo = DistGitRepo.create(dir, "promotion", "main");
            repo.commit(Map.of(
                    "manifests/tools/promoter-manifest.yaml", ("registries:\n- name: " + registry.hostPort()
                            + "/staging\n  src: true\n- name: " + registry.hostPort() + "/prod\n")
                            .getBytes(StandardCharsets.UTF_8),
                    "images/tools/images.yaml", ("- name: tool\n  dmap:\n    \"" + image.manifestDigest()
                            + "\": [\"1.0\"]\n").getBytes(StandardCharsets.UTF_8)), "Promote tool 1.0");
            Path checkout = dir.resolve("promotion-work");
            Path audit = dir.resolve("audit.jsonl");

            Run gated = slipway("promote", "--manifests", checkout.toString(), "--audit", audit.toString());

            assertEquals(1, gated.exit(), gated.out() + gated.err());
            assertTrue(gated.out().contains("[11901 PROMOTION_RULE_NAME_MISSING] " + registry.hostPort()
                    + "/staging/tool@" + image.manifestDigest()), gated.out());
            assertTrue(gated.out().contains("[11904 PROMOTION_RULE_PACKAGE_MANIFEST_MISSING]"), gated.out());
            assertTrue(gated.out().contains("Plan refused: nothing was written."), gated.out());

            Run dry = slipway("promote", "--manifests", checkout.toString(), "--audit", audit.toString(),
                    "--skip-publishing-rules");

            assertEquals(0, dry.exit(), dry.err());
            assertTrue(dry.err().contains("WARNING: --skip-publishing-rules"), dry.err());
            assertTrue(dry.out().contains("COPY " + registry.hostPort() + "/staging/tool@" + image.manifestDigest()
                    + " -> " + registry.hostPort() + "/prod/tool:1.0"), dry.out());
            assertTrue(dry.out().contains("Dry run: 1 edge(s) to promote"), dry.out());
            assertTrue(Files.notExists(audit));

            Run confirmed = slipway("promote", "--manifests", checkout.toString(), "--audit", audit.toString(),
                    "--confirm", "--threads", "2", "--skip-publishing-rules");

            assertEquals(0, confirmed.exit(), confirmed.err() + confirmed.out());
            assertTrue(confirmed.out().contains("PROMOTED " + registry.hostPort() + "/prod/tool@"
                    + image.manifestDigest()), confirmed.out());
            assertEquals(image.manifestDigest().toString(), new Skopeo(registry).rawManifestSha256("prod/tool", "1.0"));
            assertEquals(1, Files.readAllLines(audit).size());
            assertTrue(Files.readString(audit).contains("\"publishingRules\":\"SKIPPED: --skip-publishing-rules"),
                    Files.readString(audit));
        }
    }

    @Test
    void promote_badManifest_exits2WithFileAndLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("manifests/a"));
        Files.createDirectories(dir.resolve("images/a"));
        Files.writeString(dir.resolve("manifests/a/promoter-manifest.yaml"),
                "registries:\n- name: 127.0.0.1:1/s\n  src: true\n- name: 127.0.0.1:1/p\n");
        Files.writeString(dir.resolve("images/a/images.yaml"), "- name: x\n  dmap:\n    \"sha256:12\": [\"1\"]\n");

        Run run = slipway("promote", "--manifests", dir.toString());

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("images/a/images.yaml:3: [11001 PROMOTION_DIGEST_INVALID]"), run.err());
    }
}
