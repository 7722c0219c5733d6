package dev.slipway.worker.contents;

import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageType;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Turns an installed RPM header into the {@link InstalledPackage} record Koji-style metadata needs. */
final class InstalledRpms {
    /** rpm keeps imported OpenPGP keys as pseudo-packages named like this; they are not content. */
    static final String PUBKEY_NAME = "gpg-pubkey";

    /** Signature tags in the order OSBS's rpm query takes the first non-empty one. */
    private static final List<Integer> SIGNATURE_TAGS =
            List.of(RpmTag.SIGPGP, RpmTag.SIGGPG, RpmTag.DSAHEADER, RpmTag.RSAHEADER);

    private InstalledRpms() {
    }

    /** Whether the header is one of rpm's imported-key pseudo-packages. */
    static boolean isPublicKey(RpmHeader header) {
        return header.string(RpmTag.NAME).map(PUBKEY_NAME::equals).orElse(false);
    }

    static InstalledPackage toPackage(RpmHeader header) {
        String name = header.string(RpmTag.NAME).orElseThrow(() -> new SlipwayException(
                ErrorCode.RPM_HEADER_INVALID, "Tried to read an rpmdb header but it has no NAME tag"));
        String version = header.string(RpmTag.VERSION).orElseThrow(() -> new SlipwayException(
                ErrorCode.RPM_HEADER_INVALID, "Tried to read package " + name + " but its header has no VERSION"));
        return new InstalledPackage(
                PackageType.RPM,
                name,
                header.int32(RpmTag.EPOCH).orElse(null),
                version,
                header.string(RpmTag.RELEASE).orElse(null),
                header.string(RpmTag.ARCH).orElse(null),
                size(header),
                header.bin(RpmTag.SIGMD5).map(HexFormat.of()::formatHex).orElse(null),
                header.int32(RpmTag.BUILDTIME).map(Integer::toUnsignedLong).orElse(null),
                header.string(RpmTag.LICENSE).orElse(null),
                header.string(RpmTag.VENDOR).orElse(null),
                header.string(RpmTag.SOURCERPM).orElse(null),
                signatureKeyId(header, name + "-" + version).orElse(null),
                header.string(RpmTag.MODULARITYLABEL).orElse(null));
    }

    /** LONGSIZE is written instead of SIZE for packages over 4 GiB; SIZE is an unsigned 32-bit value. */
    private static long size(RpmHeader header) {
        return header.int64(RpmTag.LONGSIZE)
                .orElseGet(() -> header.int32(RpmTag.SIZE).map(Integer::toUnsignedLong).orElse(0L));
    }

    private static Optional<String> signatureKeyId(RpmHeader header, String what) {
        for (int tag : SIGNATURE_TAGS) {
            Optional<byte[]> packet = header.bin(tag);
            if (packet.isPresent() && packet.get().length > 0) {
                return Optional.of(PgpSignatureKeyId.of(packet.get(), what + " (tag " + tag + ")"));
            }
        }
        return Optional.empty();
    }
}
