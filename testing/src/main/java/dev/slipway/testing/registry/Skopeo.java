package dev.slipway.testing.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.process.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the outside tool {@code skopeo} (containers/image, not our code) about a {@link TestRegistry}, with the
 * registry's credentials in the auth modes, so tests can check what our client did independently.
 */
public final class Skopeo {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private final TestRegistry registry;
    private final ObjectMapper json = new ObjectMapper();

    public Skopeo(TestRegistry registry) {
        this.registry = registry;
    }

    /** {@code skopeo inspect}: the JSON summary (Digest, Layers, Architecture...). */
    public String inspect(String repository, String reference) {
        List<String> command = new ArrayList<>(List.of("skopeo", "inspect", "--tls-verify=false"));
        command.addAll(credentials("--creds"));
        command.add(imageUrl(repository, reference));
        return skopeo(command).output();
    }

    /** The {@code Digest} field of {@code skopeo inspect}. */
    public String inspectDigest(String repository, String reference) {
        try {
            return json.readTree(inspect(repository, reference)).path("Digest").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("skopeo inspect printed something that is not JSON", e);
        }
    }

    /** {@code skopeo inspect --raw ... | sha256sum}, as {@code sha256:<hex>}. */
    public String rawManifestSha256(String repository, String reference) {
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "set -o pipefail; skopeo inspect --raw \"$@\" | sha256sum", "skopeo-raw", "--tls-verify=false"));
        command.addAll(credentials("--creds"));
        command.add(imageUrl(repository, reference));
        String out = skopeo(command).output().strip();
        return "sha256:" + out.split("\\s+")[0];
    }

    /**
     * {@code skopeo copy docker://... dir:<target>}: downloads manifest, config and layers, and fails when any
     * blob does not match its digest.
     */
    public void copyToDirectory(String repository, String reference, Path target) {
        try {
            Path policy = Files.createTempFile("skopeo-policy-", ".json");
            try {
                Files.writeString(policy, "{\"default\":[{\"type\":\"insecureAcceptAnything\"}]}");
                List<String> command = new ArrayList<>(List.of("skopeo", "--policy", policy.toString(), "copy",
                        "--src-tls-verify=false"));
                command.addAll(credentials("--src-creds"));
                command.add(imageUrl(repository, reference));
                command.add("dir:" + target);
                skopeo(command).check();
            } finally {
                Files.deleteIfExists(policy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Tried to run skopeo copy but could not write its policy", e);
        }
    }

    /** The command with a timeout, the registry's password never shown in a failure. */
    private Command skopeo(List<String> command) {
        return Command.of(command).timeout(TIMEOUT).secret(registry.requiresAuth() ? registry.password() : null);
    }

    private List<String> credentials(String option) {
        return registry.requiresAuth()
                ? List.of(option, registry.username() + ":" + registry.password()) : List.of();
    }

    private String imageUrl(String repository, String reference) {
        return "docker://" + registry.hostPort() + "/" + repository + (reference.contains(":") ? "@" : ":")
                + reference;
    }
}
