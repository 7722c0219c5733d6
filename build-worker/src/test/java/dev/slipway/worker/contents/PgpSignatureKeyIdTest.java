package dev.slipway.worker.contents;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.MPInteger;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SignaturePacket;
import org.bouncycastle.bcpg.SignatureSubpacket;
import org.bouncycastle.bcpg.sig.IssuerKeyID;
import org.bouncycastle.bcpg.sig.SignatureCreationTime;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Date;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PgpSignatureKeyIdTest {
    private static byte[] v4() throws Exception {
        return new SignaturePacket(0, 0, PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256,
                new SignatureSubpacket[] {new SignatureCreationTime(false, new Date(1_706_659_200_000L))},
                new SignatureSubpacket[] {new IssuerKeyID(false, 0x422d9016476483c7L)}, new byte[2],
                new MPInteger[] {new MPInteger(BigInteger.valueOf(987654321L))}).getEncoded();
    }

    @Test
    void of_v4WithIssuerSubpacket_givesSixteenHexDigits() throws Exception {
        assertEquals("422d9016476483c7", PgpSignatureKeyId.of(v4(), "x"));
    }

    @Test
    void of_notASignaturePacket_saysWhatWasFound() {
        // A user-id packet (tag 13) where a signature was expected.
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> PgpSignatureKeyId.of(new byte[] {(byte) 0xCD, 1, 'a'}, "pkg-1 (tag 259)"));
        assertEquals(ErrorCode.RPM_HEADER_INVALID, e.code());
        assertTrue(e.getMessage().contains("pkg-1 (tag 259)") && e.getMessage().contains("UserIDPacket"),
                e.getMessage());
    }

    @Test
    void of_emptyOrTruncated_isInvalidHeader() throws Exception {
        byte[] good = v4();
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            try {
                PgpSignatureKeyId.of(cut, "x");
            } catch (SlipwayException e) {
                assertEquals(ErrorCode.RPM_HEADER_INVALID, e.code());
            }
        }
    }

    @Test
    void of_randomCorruption_givesAKeyIdOrAnInvalidHeader() throws Exception {
        byte[] good = v4();
        Random random = new Random(7);
        for (int round = 0; round < 5_000; round++) {
            byte[] packet = good.clone();
            packet[random.nextInt(packet.length)] = (byte) random.nextInt(256);
            try {
                assertEquals(16, PgpSignatureKeyId.of(packet, "x").length());
            } catch (SlipwayException e) {
                assertEquals(ErrorCode.RPM_HEADER_INVALID, e.code());
            }
        }
    }
}
