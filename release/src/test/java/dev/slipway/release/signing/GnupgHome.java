package dev.slipway.release.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throw-away GNUPGHOME for running gpg and skopeo's GPGME against our keys; {@link #close()} stops any gpg-agent
 * started for it and deletes it.
 */
public final class GnupgHome implements AutoCloseable {
    private final Path dir;

    private GnupgHome(Path dir) {
        this.dir = dir;
    }

    public static GnupgHome create() {
        try {
            return new GnupgHome(Files.createTempDirectory("slipway-gnupg-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Map<String, String> env() {
        return Map.of("GNUPGHOME", dir.toString());
    }

    /** Imports an armored public keyring. */
    public void importKeys(String armored) throws IOException {
        Path file = dir.resolve("import-" + System.nanoTime() + ".asc");
        Files.writeString(file, armored);
        gpg("--import", file.toString()).requireSuccess();
    }

    /** Runs {@code gpg --batch --homedir <dir> args...}. */
    public OutsideTool gpg(String... args) {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--homedir", dir.toString()));
        command.addAll(List.of(args));
        return OutsideTool.run(command, null, env());
    }

    /** Runs any command with GNUPGHOME set to this home. */
    public OutsideTool run(List<String> command) {
        return OutsideTool.run(command, null, env());
    }

    @Override
    public void close() {
        OutsideTool.run(List.of("gpgconf", "--homedir", dir.toString(), "--kill", "all"), null, env());
        deleteTree(dir);
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Tried to delete " + root + " but could not", e);
        }
    }
}
