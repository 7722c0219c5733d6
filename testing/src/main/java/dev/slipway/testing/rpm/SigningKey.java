package dev.slipway.testing.rpm;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.process.Command;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A throw-away RSA signing key in a private GNUPGHOME, made once with {@code gpg --batch} and kept in the fixture
 * cache; it signs fixture RPMs through rpmsign. The gpg-agent each use starts is stopped again afterwards so tests
 * leave no processes behind.
 */
public final class SigningKey {
    private static final String DIRECTORY = "gpg-v1";
    private static final String KEY_ID_FILE = "slipway-key-id";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path home;
    private final String keyId;

    private SigningKey(Path home, String keyId) {
        this.home = home;
        this.keyId = keyId;
    }

    /** Opens the cached key under {@code cacheRoot}, creating it first if no earlier run did. */
    static SigningKey openOrCreate(Path cacheRoot) {
        Path home = cacheRoot.resolve(DIRECTORY);
        try {
            if (!Files.isRegularFile(home.resolve(KEY_ID_FILE))) {
                create(cacheRoot, home);
            }
            return new SigningKey(home, Files.readString(home.resolve(KEY_ID_FILE)).strip());
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "Tried to set up the fixture signing key in " + home
                    + " but " + e, e);
        }
    }

    /** Builds the key in a scratch directory and publishes it with one atomic rename, so racing runs agree. */
    private static void create(Path cacheRoot, Path home) throws IOException {
        Files.createDirectories(cacheRoot);
        Path scratch = Files.createTempDirectory(cacheRoot, "gpg-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            gpg(scratch, List.of("--batch", "--pinentry-mode", "loopback", "--passphrase", "",
                    "--quick-gen-key", "Slipway Fixture Signer <fixtures@slipway.invalid>", "rsa2048", "sign",
                    "never"));
            String colons = gpg(scratch, List.of("--batch", "--with-colons", "--list-keys"));
            String id = colons.lines().filter(l -> l.startsWith("pub:")).map(l -> l.split(":")[4])
                    .findFirst().orElseThrow(() -> new SlipwayException(ErrorCode.INTERNAL,
                            "Tried to create the fixture signing key but gpg listed no public key"));
            Files.writeString(scratch.resolve(KEY_ID_FILE), id.toLowerCase(Locale.ROOT) + "\n");
            Files.move(scratch, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another run published its key first; use that one.
        } finally {
            FixtureFiles.deleteTree(scratch);
        }
    }

    /** The lower-case 16-hex-digit key id, as rpm prints it after "Key ID". */
    public String keyId() {
        return keyId;
    }

    /** The private GNUPGHOME that holds the key (for gpg calls that verify or export). */
    public Path home() {
        return home;
    }

    /** The ASCII-armoured public key, e.g. for {@code rpm --import} or a policy file. */
    public String armoredPublicKey() {
        return gpg(home, List.of("--batch", "--armor", "--export", keyId));
    }

    /** Signs the packages in place with SIGPGP and RSAHEADER (rpmsign --rpmv3). */
    void sign(List<Path> rpms) {
        List<String> command = new ArrayList<>(List.of("rpmsign", "--addsign", "--rpmv3",
                "--define", "_gpg_name " + keyId, "--define", "__gpg /usr/bin/gpg", "--define", "_gpg_path " + home));
        rpms.forEach(p -> command.add(p.toString()));
        try {
            Command.of(command).env("GNUPGHOME", home.toString()).timeout(TIMEOUT).output();
        } finally {
            stopAgent(home);
        }
    }

    private static String gpg(Path home, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add("gpg");
        command.add("--homedir");
        command.add(home.toString());
        command.addAll(args);
        try {
            return Command.of(command).env("GNUPGHOME", home.toString()).timeout(TIMEOUT).output();
        } finally {
            stopAgent(home);
        }
    }

    private static void stopAgent(Path home) {
        Command.of("gpgconf", "--homedir", home.toString(), "--kill", "all").env("GNUPGHOME", home.toString())
                .timeout(TIMEOUT).output();
    }
}
