package dev.slipway.testing.registry;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * One htpasswd line with a {@code $2y$} bcrypt hash (the only kind distribution's htpasswd auth accepts), made
 * with BouncyCastle because Debian's apache2-utils is not installed on every machine.
 */
final class Htpasswd {
    /** The lowest bcrypt cost: the registry checks the hash on every request, and these are throw-away secrets. */
    private static final int COST = 4;

    private Htpasswd() {
    }

    static String line(String user, String password, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String hash = OpenBSDBCrypt.generate("2y", password.getBytes(StandardCharsets.UTF_8), salt, COST);
        return user + ":" + hash + "\n";
    }
}
