package dev.slipway.release.promotion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/** A throw-away OpenPGP key made with the real gpg in its own GnuPG home, to sign commits in tests. */
final class ThrowawayKey implements AutoCloseable {
    private final Path home;
    private final String fingerprint;

    private ThrowawayKey(Path home, String fingerprint) {
        this.home = home;
        this.fingerprint = fingerprint;
    }

    static ThrowawayKey create(Path parent, String user) throws IOException {
        Path home = Files.createTempDirectory(parent, "gnupg-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        gpg(home, "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key", user, "ed25519",
                "sign", "never");
        String fingerprint = gpg(home, "--batch", "--with-colons", "--list-keys").lines()
                .filter(l -> l.startsWith("fpr:")).map(l -> l.split(":")[9]).findFirst().orElseThrow();
        return new ThrowawayKey(home, fingerprint);
    }

    Path home() {
        return home;
    }

    String fingerprint() {
        return fingerprint;
    }

    /** Writes the armored public key to {@code file} (the keyring promotion trusts). */
    Path exportPublicKey(Path file) throws IOException {
        Files.writeString(file, gpg(home, "--batch", "--armor", "--export", fingerprint));
        return file;
    }

    @Override
    public void close() {
        ManifestRepository.run(home, Map.of(), List.of("gpgconf", "--homedir", home.toString(), "--kill", "all"));
    }

    private static String gpg(Path home, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("gpg", "--homedir", home.toString()));
        command.addAll(List.of(args));
        return ManifestRepository.run(home, Map.of(), command);
    }
}
