package dev.slipway.release.provenance;

import java.util.Arrays;
import java.util.Objects;

/** One DSSE signature: the signer's key id (may be empty) and the raw signature bytes (DER ECDSA here). */
public record DsseSignature(String keyid, byte[] sig) {
    public DsseSignature {
        keyid = keyid == null ? "" : keyid;
        sig = Objects.requireNonNull(sig, "sig").clone();
    }

    @Override
    public byte[] sig() {
        return sig.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DsseSignature s && keyid.equals(s.keyid) && Arrays.equals(sig, s.sig);
    }

    @Override
    public int hashCode() {
        return 31 * keyid.hashCode() + Arrays.hashCode(sig);
    }

    @Override
    public String toString() {
        return "DsseSignature[" + keyid + "]";
    }
}
