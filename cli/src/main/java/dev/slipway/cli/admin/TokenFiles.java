package dev.slipway.cli.admin;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a token secret to a file only its owner can read. */
final class TokenFiles {
    private TokenFiles() {
    }

    static void write(Path file, String token) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n");
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CLIENT_CONFIG_INVALID, "Tried to write a token to " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
