package dev.slipway.release.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.content.PackageType;
import dev.slipway.common.process.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source rules against real git and gpg: a throw-away signing key, a tag signed with {@code git tag -s}, a
 * keyring holding only that key's public half, and an untrusted second key.
 */
class GitSourceVerifierIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    @TempDir
    static Path dir;
    private static Path signerHome;
    private static Path strangerHome;
    private static Path keyring;
    private static Path emptyKeyring;
    private static String repo;
    private static String tagged;
    private static String later;

    @BeforeAll
    static void createKeysRepositoryAndTags() throws IOException {
        signerHome = gnupgHome("signer");
        strangerHome = gnupgHome("stranger");
        keyring = gnupgHome("keyring");
        emptyKeyring = gnupgHome("empty");
        String signer = newKey(signerHome, "Release Signer <release@slipway.invalid>");
        String stranger = newKey(strangerHome, "Stranger <stranger@slipway.invalid>");
        Path publicKey = dir.resolve("signer.asc");
        Files.writeString(publicKey, gpg(signerHome, "--armor", "--export", signer));
        gpg(keyring, "--import", publicKey.toString());

        Path bare = dir.resolve("nova.git");
        Path work = dir.resolve("work");
        git(dir, Map.of(), "init", "-q", "--bare", "--initial-branch=main", bare.toString());
        git(dir, Map.of(), "init", "-q", "--initial-branch=main", work.toString());
        git(work, Map.of(), "config", "user.name", "Release Signer");
        git(work, Map.of(), "config", "user.email", "release@slipway.invalid");
        Files.writeString(work.resolve("Dockerfile"), "FROM scratch\n");
        git(work, Map.of(), "add", "-A");
        git(work, Map.of(), "commit", "-q", "-m", "16.0.0");
        tagged = git(work, Map.of(), "rev-parse", "HEAD").strip();
        Map<String, String> signEnv = Map.of("GNUPGHOME", signerHome.toString());
        git(work, signEnv, "-c", "user.signingkey=" + signer, "-c", "gpg.program=gpg", "tag", "-s", "16.0.0",
                "-m", "nova 16.0.0");
        git(work, Map.of(), "tag", "-a", "16.0.0-unsigned", "-m", "annotated, not signed");
        git(work, Map.of(), "tag", "16.0.0-light");
        git(work, Map.of("GNUPGHOME", strangerHome.toString()), "-c", "user.signingkey=" + stranger, "-c",
                "gpg.program=gpg", "tag", "-s", "16.0.0-stranger", "-m", "signed by a key nobody trusts");
        Files.writeString(work.resolve("Dockerfile"), "FROM scratch\nLABEL x=y\n");
        git(work, Map.of(), "commit", "-q", "-am", "later");
        later = git(work, Map.of(), "rev-parse", "HEAD").strip();
        git(work, Map.of(), "push", "-q", "--tags", bare.toString(), "main");
        repo = bare.toUri().toString();
    }

    @AfterAll
    static void stopAgents() {
        for (Path home : new Path[] {signerHome, strangerHome, keyring, emptyKeyring}) {
            if (home != null) {
                Command.of("gpgconf", "--homedir", home.toString(), "--kill", "all").env("GNUPGHOME", home.toString())
                        .timeout(TIMEOUT).output();
            }
        }
    }

    @Test
    void verifyTag_signedByTrustedKey_isVerifiedAtTheTaggedCommit() {
        TagVerification result = new GitSourceVerifier(keyring, TIMEOUT).verifyTag(repo, "16.0.0");

        assertEquals(TagVerification.Status.VERIFIED, result.status(), result.detail());
        assertEquals(tagged, result.commit());
    }

    @Test
    void verifyTag_keyringWithoutTheKey_isUnverified() {
        TagVerification result = new GitSourceVerifier(emptyKeyring, TIMEOUT).verifyTag(repo, "16.0.0");

        assertEquals(TagVerification.Status.UNVERIFIED, result.status());
        assertTrue(result.detail().contains("No public key") || result.detail().contains("Can't check signature"),
                result.detail());
    }

    @Test
    void verifyTag_signedByUntrustedKey_unsignedOrLightweight_areUnverified() {
        GitSourceVerifier verifier = new GitSourceVerifier(keyring, TIMEOUT);

        assertEquals(TagVerification.Status.UNVERIFIED, verifier.verifyTag(repo, "16.0.0-stranger").status());
        TagVerification unsigned = verifier.verifyTag(repo, "16.0.0-unsigned");
        assertEquals(TagVerification.Status.UNVERIFIED, unsigned.status());
        assertTrue(unsigned.detail().contains("no signature found"), unsigned.detail());
        assertEquals(TagVerification.Status.UNVERIFIED, verifier.verifyTag(repo, "16.0.0-light").status());
    }

    @Test
    void verifyTag_missingTagOrBadName_isNotFound() {
        GitSourceVerifier verifier = new GitSourceVerifier(keyring, TIMEOUT);

        assertEquals(TagVerification.Status.NOT_FOUND, verifier.verifyTag(repo, "17.0.0").status());
        assertEquals(TagVerification.Status.NOT_FOUND, verifier.verifyTag(repo, "--upload-pack=touch").status());
    }

    @Test
    void commitProblem_publishedCommit_isNoneAndUnknownCommitIsReported() {
        GitSourceVerifier verifier = new GitSourceVerifier(keyring, TIMEOUT);

        assertEquals(Optional.empty(), verifier.commitProblem(repo, later));
        Optional<String> unknown = verifier.commitProblem(repo, "0123456789abcdef0123456789abcdef01234567");
        assertTrue(unknown.isPresent());
        assertTrue(unknown.get().contains("not our ref"), unknown.get());
        assertTrue(verifier.commitProblem(repo, "abc123").isPresent());
    }

    @Test
    void policy_withRealGit_passesSignedTagAndNamesEachSourceFailure() {
        PublishingPolicy policy = new PublishingPolicy(new GitSourceVerifier(keyring, TIMEOUT));

        assertTrue(policy.enforce(facts(new SourceFacts(repo, tagged, "16.0.0"))).passed());
        assertEquals(Set.of(ViolationCode.SOURCE_TAG_UNVERIFIED),
                policy.check(facts(new SourceFacts(repo, tagged, "16.0.0-stranger"))).codes());
        assertEquals(Set.of(ViolationCode.SOURCE_TAG_COMMIT_MISMATCH),
                policy.check(facts(new SourceFacts(repo, later, "16.0.0"))).codes());
        PolicyViolationException e = assertThrows(PolicyViolationException.class, () -> policy.enforce(
                facts(new SourceFacts(dir.resolve("missing.git").toUri().toString(), tagged, "16.0.0"))));
        assertEquals(Set.of(ViolationCode.SOURCE_UNREACHABLE, ViolationCode.SOURCE_TAG_NOT_FOUND), e.report().codes());
    }

    private static PublishingFacts facts(SourceFacts source) {
        PackageManifest packages = new PackageManifest(PackageType.RPM, "/usr/lib/sysimage/rpm", List.of(
                new InstalledPackage(PackageType.RPM, "bash", null, "5.2", "1", "x86_64", 1, null, null, null, null,
                        null, null, null)));
        Instant built = Instant.parse("2026-11-20T08:00:00Z");
        return new PublishingFacts(PublishingStage.PROMOTION, "team/nova", "16.0.0", "amd64", packages, false, built,
                built.plusSeconds(60), source, true, "Nova Container Team", "https://bugs.example.org/nova",
                "Provided as is by the Nova team.");
    }

    private static Path gnupgHome(String name) throws IOException {
        return Files.createDirectory(dir.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /** Makes an ed25519 signing key without passphrase and returns its fingerprint. */
    private static String newKey(Path home, String uid) {
        gpg(home, "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key", uid, "ed25519", "sign",
                "never");
        return gpg(home, "--with-colons", "--list-keys").lines().filter(l -> l.startsWith("fpr:"))
                .map(l -> l.split(":")[9]).findFirst().orElseThrow();
    }

    private static String gpg(Path home, String... args) {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--homedir", home.toString()));
        command.addAll(List.of(args));
        return Command.of(command).env("GNUPGHOME", home.toString()).timeout(TIMEOUT).output();
    }

    private static String git(Path workDir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return Command.of(command).in(workDir).env(env).timeout(TIMEOUT).output();
    }
}
