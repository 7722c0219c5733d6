package dev.slipway.worker.contents;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.Packet;
import org.bouncycastle.bcpg.SignaturePacket;
import org.bouncycastle.bcpg.SignatureSubpacket;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Reads the signing key id out of an OpenPGP signature packet as rpm stores it in SIGPGP, SIGGPG, RSAHEADER or
 * DSAHEADER (RFC 4880 section 5.2): the same 16 hex digits {@code rpm --qf '%{SIGPGP:pgpsig}'} prints after "Key ID".
 */
final class PgpSignatureKeyId {
    private PgpSignatureKeyId() {
    }

    /** The lower-case 16-hex-digit key id of the packet's issuer. */
    static String of(byte[] packet, String where) {
        SignaturePacket signature = parse(packet, where);
        long keyId = signature.getKeyID();
        if (keyId == 0) {
            // A v4 signature may name its issuer only by fingerprint; a v4 key id is the fingerprint's last 8 bytes.
            keyId = fromFingerprint(signature.getHashedSubPackets());
        }
        if (keyId == 0) {
            keyId = fromFingerprint(signature.getUnhashedSubPackets());
        }
        if (keyId == 0) {
            throw new SlipwayException(ErrorCode.RPM_HEADER_INVALID,
                    "Tried to read the signing key id of " + where + " but the signature names no issuer");
        }
        return String.format(Locale.ROOT, "%016x", keyId);
    }

    private static SignaturePacket parse(byte[] packet, String where) {
        try (BCPGInputStream in = new BCPGInputStream(new ByteArrayInputStream(packet))) {
            Packet read = in.readPacket();
            if (read instanceof SignaturePacket signature) {
                return signature;
            }
            throw new SlipwayException(ErrorCode.RPM_HEADER_INVALID, "Tried to read the OpenPGP signature of "
                    + where + " but found " + (read == null ? "no packet" : read.getClass().getSimpleName()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof SlipwayException slipway) {
                throw slipway;
            }
            throw new SlipwayException(ErrorCode.RPM_HEADER_INVALID, "Tried to read the OpenPGP signature of "
                    + where + " (" + packet.length + " bytes, starting "
                    + HexFormat.of().formatHex(packet, 0, Math.min(8, packet.length)) + ") but it is malformed: "
                    + e.getMessage(), e);
        }
    }

    private static long fromFingerprint(SignatureSubpacket[] subpackets) {
        if (subpackets == null) {
            return 0;
        }
        for (SignatureSubpacket sub : subpackets) {
            if (sub instanceof IssuerFingerprint issuer && issuer.getKeyVersion() == 4
                    && issuer.getFingerprint().length == 20) {
                byte[] fp = issuer.getFingerprint();
                long id = 0;
                for (int i = 12; i < 20; i++) {
                    id = (id << 8) | (fp[i] & 0xff);
                }
                return id;
            }
        }
        return 0;
    }
}
