package dev.slipway.cli.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.ImageCopier;
import dev.slipway.registry.RegistryClient;
import dev.slipway.registry.RegistryClientConfig;
import dev.slipway.registry.RegistryClientFactory;
import dev.slipway.registry.auth.CredentialsSource;
import dev.slipway.testing.distgit.DistGitRepo;
import dev.slipway.testing.registry.AuthMode;
import dev.slipway.testing.registry.TestRegistry;
import dev.slipway.testing.rpm.FixtureFiles;
import dev.slipway.testing.sample.SampleSource;
import dev.slipway.worker.ContainerBuilder;
import dev.slipway.worker.config.EngineConfig;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.config.SiteConfig;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.pipeline.BuildRequest;
import dev.slipway.worker.pipeline.BuildResult;
import dev.slipway.common.source.ScmAllowList;
import dev.slipway.common.source.SourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the promotion end-to-end tests share, made once: a staging and a production registry, the sample
 * image built for real by the worker into staging (release build, mirrored, SBOM referrers attached, its commit
 * tagged with a signed git tag), a scratch build of it whose site names "the community" as vendor, a copy without
 * SBOM referrers, and throw-away GPG and EC keys.
 */
final class PromotionWorld implements AutoCloseable {
    static final String IMAGE = "slipway/hello";
    static final String NO_SBOM_IMAGE = "nosbom/hello";
    static final String TAG = "v1.1";
    private static final SiteConfig TEAM = new SiteConfig("Slipway Test Team",
            "https://images.slipway.invalid/{name}/{version}-{release}", "registry.slipway.invalid", "public",
            "https://bugs.slipway.invalid/{component}", "Test image; no support promised.", "MIT");
    private static final SiteConfig COMMUNITY = new SiteConfig("the community", TEAM.urlFormat(),
            TEAM.authoritativeSourceUrl(), "public", TEAM.bugTrackerUrl(), TEAM.supportDisclaimer(), "MIT");

    final TestRegistry staging = TestRegistry.start(AuthMode.OPEN);
    final TestRegistry production = TestRegistry.start(AuthMode.OPEN);
    final Path dir;
    final Path gnupg;
    final String fingerprint;
    final Path secretKey;
    final Path publicKey;
    final Path ecKey;
    final Path ecPublicKey;
    final Path mirror;
    final BuildResult release;
    final Digest digest;
    final Digest communityDigest;

    PromotionWorld() throws IOException {
        dir = Files.createTempDirectory("slipway-promotion-e2e-");
        gnupg = Files.createDirectory(dir.resolve("gnupg"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        gpg("--passphrase", "", "--quick-gen-key", "Release Team <release@slipway.invalid>", "rsa2048", "sign",
                "never");
        fingerprint = gpg("--with-colons", "--list-secret-keys").out().lines().filter(l -> l.startsWith("fpr:"))
                .findFirst().orElseThrow().split(":")[9];
        secretKey = Files.writeString(dir.resolve("release-secret.asc"),
                gpg("--armor", "--pinentry-mode", "loopback", "--passphrase", "", "--export-secret-keys",
                        fingerprint).out());
        publicKey = Files.writeString(dir.resolve("release.asc"), gpg("--armor", "--export", fingerprint).out());
        ecKey = dir.resolve("ec.pem");
        ecPublicKey = dir.resolve("ec.pub.pem");
        Tool.run(List.of("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", ecKey.toString()),
                null, Map.of()).ok();
        Tool.run(List.of("openssl", "ec", "-in", ecKey.toString(), "-pubout", "-out", ecPublicKey.toString()), null,
                Map.of()).ok();
        mirror = Files.createDirectory(dir.resolve("mirror"));

        SampleSource sample = SampleSource.create(staging.hostPort(), dir.resolve("dist-git"));
        String commit = sample.repo().secondCommit();
        release = build(TEAM, sample, commit, false);
        digest = Digest.parse(release.image().manifestDigest());
        communityDigest = Digest.parse(build(COMMUNITY, sample, commit, true).image().manifestDigest());
        signedTag(sample.repo().repo(), commit);
        RegistryClient client = clients().forHost(staging.hostPort());
        new ImageCopier(new ObjectMapper()).copy(client, IMAGE, digest, client, NO_SBOM_IMAGE, List.of("1.1"));
    }

    /** A client factory for the loopback registries. */
    static RegistryClientFactory clients() {
        return new RegistryClientFactory(RegistryClientConfig.defaults(), CredentialsSource.none(), new ObjectMapper());
    }

    /** A git checkout of thin promotion manifests promoting {@code image@digest} as {@code tag}, committed. */
    Path manifests(String name, String image, Digest promoted, String tag) {
        DistGitRepo repo = DistGitRepo.create(newDir(name), "promotion", "main");
        repo.commit(Map.of(
                "manifests/hello/promoter-manifest.yaml", ("registries:\n- name: " + staging.hostPort()
                        + "\n  src: true\n- name: " + production.hostPort() + "\n").getBytes(StandardCharsets.UTF_8),
                "images/hello/images.yaml", ("- name: " + image + "\n  dmap:\n    \"" + promoted + "\": [\"" + tag
                        + "\"]\n").getBytes(StandardCharsets.UTF_8)), "Promote " + image + " " + tag);
        return repo.bare().resolveSibling("promotion-work");
    }

    Path newDir(String name) {
        try {
            return Files.createTempDirectory(dir, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs gpg in the throw-away home. */
    Tool gpg(String... args) {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--homedir", gnupg.toString()));
        command.addAll(List.of(args));
        return Tool.run(command, null, Map.of()).ok();
    }

    Map<String, String> gnupgEnv() {
        return Map.of("GNUPGHOME", gnupg.toString());
    }

    private BuildResult build(SiteConfig site, SampleSource sample, String commit, boolean scratch) {
        Path work = newDir("work");
        RegistryConfig registry = new RegistryConfig(URI.create("http://" + staging.hostPort()), null, null, null,
                null);
        WorkerConfig config = new WorkerConfig(List.of(dir.toUri().toString()), site, List.of(registry),
                EngineConfig.defaults(), work.toString());
        try (ContainerBuilder builder = ContainerBuilder.create(config, new ScmAllowList(config.allowedScms()),
                null)) {
            BuildResult result = builder.build(new BuildRequest(SourceSpec.parse(sample.repo().repo().source(commit)),
                    "f40-container-candidate", List.of(registry), scratch ? null : mirror, scratch, null, "packager"),
                    work.resolve("build.log"), line -> { });
            if (result.state() != BuildResult.Outcome.COMPLETE) {
                throw new AssertionError("the sample build failed: " + result.error());
            }
            return result;
        }
    }

    /** {@code git tag -s} in the dist-git repository the image's vcs-url names. */
    private void signedTag(DistGitRepo repo, String commit) {
        Tool.run(List.of("git", "-C", repo.bare().toString(), "-c", "user.name=Release Team", "-c",
                "user.email=release@slipway.invalid", "-c", "gpg.program=gpg", "tag", "-s", "-u", fingerprint, "-m",
                "hello 1.1", TAG, commit), null, gnupgEnv()).ok();
    }

    @Override
    public void close() {
        Tool.run(List.of("gpgconf", "--homedir", gnupg.toString(), "--kill", "all"), null, Map.of());
        staging.close();
        production.close();
        FixtureFiles.deleteTree(dir);
    }
}
