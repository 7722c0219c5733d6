package dev.slipway.worker.contents;

import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageType;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.MPInteger;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SignaturePacket;
import org.bouncycastle.bcpg.SignatureSubpacket;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.bcpg.sig.IssuerKeyID;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstalledRpmsTest {
    private static final long KEY_ID = 0x0727707ea15b79ccL;
    private static final MPInteger[] FAKE_SIGNATURE = {new MPInteger(BigInteger.valueOf(12345))};

    private static byte[] v3Signature(long keyId) throws IOException {
        return new SignaturePacket(3, 0, keyId, PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256,
                1_706_659_200_000L, new byte[2], FAKE_SIGNATURE).getEncoded();
    }

    private static byte[] v4Signature(SignatureSubpacket[] hashed, SignatureSubpacket[] unhashed) throws IOException {
        return new SignaturePacket(0, 0, PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256, hashed,
                unhashed, new byte[2], FAKE_SIGNATURE).getEncoded();
    }

    private static HeaderBlob bash() {
        return new HeaderBlob()
                .string(RpmTag.NAME, "bash").string(RpmTag.VERSION, "5.2.26").string(RpmTag.RELEASE, "1.fc40")
                .string(RpmTag.ARCH, "x86_64").int32(RpmTag.SIZE, 0xF0000000).int32(RpmTag.BUILDTIME, 1706659200)
                .string(RpmTag.LICENSE, "GPL-3.0-or-later").string(RpmTag.VENDOR, "Fedora Project")
                .string(RpmTag.SOURCERPM, "bash-5.2.26-1.fc40.src.rpm")
                .bin(RpmTag.SIGMD5, HexFormat.of().parseHex("3b1c0000000000000000000000e2e2e2"));
    }

    private static InstalledPackage read(HeaderBlob blob) {
        return InstalledRpms.toPackage(RpmHeader.parse(blob.build()));
    }

    @Test
    void toPackage_unsignedWithoutEpoch_mapsEveryField() {
        InstalledPackage p = read(bash());
        assertEquals(new InstalledPackage(PackageType.RPM, "bash", null, "5.2.26", "1.fc40", "x86_64",
                0xF0000000L, "3b1c0000000000000000000000e2e2e2", 1706659200L, "GPL-3.0-or-later", "Fedora Project",
                "bash-5.2.26-1.fc40.src.rpm", null, null), p);
        assertEquals("bash-5.2.26-1.fc40.x86_64", p.nevra());
    }

    @Test
    void toPackage_epochLongsizeAndModule_areTaken() {
        InstalledPackage p = read(bash().int32(RpmTag.EPOCH, 0).int64(RpmTag.LONGSIZE, 6_000_000_000L)
                .string(RpmTag.MODULARITYLABEL, "perl:5.30:8030020200313080146:466ea64f"));
        assertEquals(0, p.epoch());
        assertEquals(6_000_000_000L, p.size());
        assertEquals("perl:5.30:8030020200313080146:466ea64f", p.modularityLabel());
        assertEquals("bash-0:5.2.26-1.fc40.x86_64", p.nevra());
    }

    @Test
    void toPackage_v3SignatureInSigpgp_givesLowerCaseKeyId() throws IOException {
        assertEquals("0727707ea15b79cc", read(bash().bin(RpmTag.SIGPGP, v3Signature(KEY_ID))).signatureKeyId());
    }

    @Test
    void toPackage_onlyRsaheaderWithIssuerSubpacket_givesKeyId() throws IOException {
        byte[] sig = v4Signature(new SignatureSubpacket[0],
                new SignatureSubpacket[] {new IssuerKeyID(false, 0xfedcba9876543210L)});
        assertEquals("fedcba9876543210", read(bash().bin(RpmTag.RSAHEADER, sig)).signatureKeyId());
    }

    @Test
    void toPackage_issuerFingerprintOnly_takesKeyIdFromItsLastEightBytes() throws IOException {
        byte[] fingerprint = HexFormat.of().parseHex("CA7B8813E8A6F49ED94D8E00422D9016476483C7");
        byte[] sig = v4Signature(new SignatureSubpacket[] {new IssuerFingerprint(false, 4, fingerprint)},
                new SignatureSubpacket[0]);
        assertEquals("422d9016476483c7", read(bash().bin(RpmTag.DSAHEADER, sig)).signatureKeyId());
    }

    @Test
    void toPackage_sigpgpWinsOverRsaheader() throws IOException {
        InstalledPackage p = read(bash().bin(RpmTag.SIGPGP, v3Signature(KEY_ID))
                .bin(RpmTag.RSAHEADER, v3Signature(0x1111111111111111L)));
        assertEquals("0727707ea15b79cc", p.signatureKeyId());
    }

    @Test
    void toPackage_garbageSignature_isInvalidHeaderNamingThePackage() {
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> read(bash().bin(RpmTag.SIGPGP, new byte[] {(byte) 0x89, 0x01, 0x15, 0x03, 0x05})));
        assertEquals(ErrorCode.RPM_HEADER_INVALID, e.code());
        assertTrue(e.getMessage().contains("bash-5.2.26 (tag 259)"), e.getMessage());
    }

    @Test
    void toPackage_missingName_isInvalid() {
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> read(new HeaderBlob().string(RpmTag.VERSION, "1")));
        assertEquals(ErrorCode.RPM_HEADER_INVALID, e.code());
    }

    @Test
    void isPublicKey_recognisesGpgPubkeyOnly() {
        assertTrue(InstalledRpms.isPublicKey(RpmHeader.parse(new HeaderBlob().string(RpmTag.NAME, "gpg-pubkey")
                .string(RpmTag.VERSION, "476483c7").build())));
        assertFalse(InstalledRpms.isPublicKey(RpmHeader.parse(bash().build())));
        assertNull(read(bash()).signatureKeyId());
    }
}
