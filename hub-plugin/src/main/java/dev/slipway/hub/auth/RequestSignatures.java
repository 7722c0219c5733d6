package dev.slipway.hub.auth;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.RequestSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The users whose API requests must carry an HMAC signature ({@link RequestSignature}), each with its shared
 * secret: typically the dist-git hook's service user, so a leaked hook token alone cannot queue builds. Users not
 * listed are not checked. A signature older or newer than {@link #MAX_SKEW} is refused, which bounds replays (and a
 * replayed {@code buildContainer} with its idempotency key makes no second task anyway).
 */
public final class RequestSignatures {
    /** How far the signing time may be from the hub's clock. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private final Map<String, byte[]> secrets;
    private final Clock clock;

    public RequestSignatures(Map<String, byte[]> secrets, Clock clock) {
        this.secrets = Map.copyOf(secrets);
        this.clock = clock;
    }

    /** No user needs a signature. */
    public static RequestSignatures none() {
        return new RequestSignatures(Map.of(), Clock.systemUTC());
    }

    /** Reads each user's secret file (trailing whitespace ignored, at least 16 bytes). */
    public static RequestSignatures load(Map<String, Path> secretFiles, Clock clock) {
        Map<String, byte[]> secrets = new HashMap<>();
        secretFiles.forEach((user, file) -> {
            String secret;
            try {
                secret = Files.readString(file).strip();
            } catch (IOException e) {
                throw new SlipwayException(ErrorCode.CONFIG_INVALID, "Tried to read the HMAC secret of user " + user
                        + " from " + file + ": " + e.getMessage(), e);
            }
            if (secret.length() < 16) {
                throw new SlipwayException(ErrorCode.CONFIG_INVALID, "The HMAC secret of user " + user + " in "
                        + file + " must be at least 16 characters");
            }
            secrets.put(user, secret.getBytes(StandardCharsets.UTF_8));
        });
        return new RequestSignatures(secrets, clock);
    }

    /**
     * Checks the request of {@code p} when its user has a secret; throws REQUEST_SIGNATURE_INVALID otherwise.
     *
     * @param timestamp the timestamp header (Unix seconds), possibly null
     * @param signature the signature header, possibly null
     * @param body the exact body bytes received (empty for none)
     */
    public void check(Principal p, String timestamp, String signature, byte[] body) {
        byte[] secret = p.isUser() ? secrets.get(p.name()) : null;
        if (secret == null) {
            return;
        }
        if (timestamp == null || signature == null) {
            throw refused(p.name() + "'s requests must be signed: " + RequestSignature.TIMESTAMP_HEADER + " and "
                    + RequestSignature.SIGNATURE_HEADER + " are required");
        }
        long at;
        try {
            at = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw refused(RequestSignature.TIMESTAMP_HEADER + " must be Unix seconds, not '" + shown(timestamp) + "'");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - at);
        if (skew > MAX_SKEW.toSeconds()) {
            throw refused("The request was signed " + skew + " s away from the hub's clock (at most "
                    + MAX_SKEW.toSeconds() + " s allowed); check the signer's clock");
        }
        if (!RequestSignature.matches(secret, at, body, signature)) {
            throw refused("The request signature does not match its body for user " + p.name()
                    + " (wrong shared secret, or the body was changed on the way)");
        }
    }

    private static SlipwayException refused(String message) {
        return new SlipwayException(ErrorCode.REQUEST_SIGNATURE_INVALID, message);
    }

    private static String shown(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return t.replaceAll("[^ -~]", "?");
    }
}
