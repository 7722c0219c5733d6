package dev.slipway.release.signing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Writes PEM blocks (RFC 7468): base64 in 64-character lines between BEGIN and END labels. */
final class Pem {
    private Pem() {
    }

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
