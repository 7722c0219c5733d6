package dev.slipway.release.promotion;

import dev.slipway.common.process.Command;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A promotion manifest repository made with the real git (and gpg for signed commits), as reviewers keep one:
 * {@code manifests/<x>/promoter-manifest.yaml} and {@code images/<x>/images.yaml} committed on a branch.
 */
final class ManifestRepository {
    private final Path dir;

    private ManifestRepository(Path dir) {
        this.dir = dir;
    }

    static ManifestRepository create(Path dir) {
        ManifestRepository repo = new ManifestRepository(dir);
        repo.git(Map.of(), "init", "-q", "--initial-branch=main", dir.toString());
        repo.git(Map.of(), "config", "user.name", "Release Reviewer");
        repo.git(Map.of(), "config", "user.email", "reviewer@slipway.invalid");
        repo.git(Map.of(), "config", "commit.gpgsign", "false");
        return repo;
    }

    Path dir() {
        return dir;
    }

    /** Writes {@code manifests/<id>/promoter-manifest.yaml} naming a source and destination registries. */
    void registries(String id, String source, String... destinations) {
        StringBuilder yaml = new StringBuilder("registries:\n- name: " + source + "\n  src: true\n");
        for (String destination : destinations) {
            yaml.append("- name: ").append(destination).append('\n');
        }
        write("manifests/" + id + "/promoter-manifest.yaml", yaml.toString());
    }

    void images(String id, String yaml) {
        write("images/" + id + "/images.yaml", yaml);
    }

    /** Commits everything and returns the commit id. */
    String commit(String message) {
        git(Map.of(), "add", "-A");
        git(Map.of(), "commit", "-q", "-m", message);
        return head();
    }

    /** Commits everything signed by {@code keyId} from the GnuPG home {@code gnupgHome}. */
    String commitSigned(String message, Path gnupgHome, String keyId) {
        git(Map.of(), "add", "-A");
        git(Map.of("GNUPGHOME", gnupgHome.toString()), "-c", "user.signingkey=" + keyId, "commit", "-q", "-S", "-m",
                message);
        return head();
    }

    String head() {
        return git(Map.of(), "rev-parse", "HEAD").strip();
    }

    private void write(String relative, String content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + relative, e);
        }
    }

    static String run(Path dir, Map<String, String> env, List<String> command) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("Could not create " + dir, e);
        }
        return Command.of(command).in(dir).env(env).timeout(Duration.ofSeconds(60)).output();
    }

    private String git(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return run(dir, env, command);
    }
}
