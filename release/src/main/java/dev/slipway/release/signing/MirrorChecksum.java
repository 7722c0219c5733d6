package dev.slipway.release.signing;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The {@code CHECKSUM} file of a mirror directory, in {@code sha256sum -c} format (two spaces, relative paths,
 * names with a backslash or newline escaped as coreutils does) covering every other file below the directory.
 */
final class MirrorChecksum {
    static final String NAME = "CHECKSUM";

    private MirrorChecksum() {
    }

    /**
     * Fails unless the directory matches its CHECKSUM exactly: every listed file exists with its hash and no file
     * is unlisted (rewriting the list over an unlisted file would vouch for content nobody checked).
     */
    static void verify(Path root) throws IOException {
        Path file = root.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return;
        }
        Map<String, String> listed = parse(Files.readString(file, StandardCharsets.UTF_8));
        Map<String, String> actual = hashAll(root);
        List<String> problems = new ArrayList<>();
        listed.forEach((name, hash) -> {
            if (!actual.containsKey(name)) {
                problems.add(name + " is missing");
            } else if (!actual.get(name).equals(hash)) {
                problems.add(name + " changed");
            }
        });
        actual.keySet().stream().filter(n -> !listed.containsKey(n)).forEach(n -> problems.add(n + " is unlisted"));
        if (!problems.isEmpty()) {
            throw new SlipwayException(ErrorCode.MIRROR_CHECKSUM_MISMATCH, "Tried to add signatures to the mirror "
                    + root + " but it no longer matches its CHECKSUM: " + String.join(", ", problems));
        }
    }

    /** Rewrites CHECKSUM over every file, sorted by path, replacing the old file atomically. */
    static void write(Path root) throws IOException {
        StringBuilder out = new StringBuilder();
        hashAll(root).forEach((name, hash) -> {
            boolean escape = name.contains("\\") || name.contains("\n");
            String shown = escape ? name.replace("\\", "\\\\").replace("\n", "\\n") : name;
            out.append(escape ? "\\" : "").append(hash).append("  ").append(shown).append('\n');
        });
        Path temp = Files.createTempFile(root, ".CHECKSUM-", ".tmp");
        try {
            Files.writeString(temp, out.toString(), StandardCharsets.UTF_8);
            Files.move(temp, root.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            boolean escaped = line.startsWith("\\");
            String body = escaped ? line.substring(1) : line;
            if (body.length() < 67 || (body.charAt(65) != ' ' && body.charAt(65) != '*') || body.charAt(64) != ' ') {
                throw new SlipwayException(ErrorCode.MIRROR_CHECKSUM_MISMATCH,
                        "Tried to read a mirror CHECKSUM but this line is not in sha256sum format: " + line);
            }
            String name = body.substring(66);
            if (escaped) {
                name = name.replace("\\n", "\n").replace("\\\\", "\\");
            }
            out.put(name, body.substring(0, 64));
        }
        return out;
    }

    private static Map<String, String> hashAll(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.equals(root.resolve(NAME))).toList();
        }
        for (Path file : files) {
            out.put(root.relativize(file).toString(), sha256(file));
        }
        return out;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md = Digest.newSha256();
        try (InputStream in = Files.newInputStream(file);
                OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
            in.transferTo(sink);
        }
        return Digest.ofSha256(md).hex();
    }
}
