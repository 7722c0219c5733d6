package dev.slipway.common.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestTest {
    /** sha256 of the empty input, as printed by {@code sha256sum /dev/null}. */
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    /** sha256 of "hello\n", as printed by {@code echo hello | sha256sum}. */
    private static final String HELLO = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    private static final String SHA512_EMPTY = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
            + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";

    private static InvalidValueException refused(String text) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Digest.parse(text));
        assertEquals(ErrorCode.INVALID_DIGEST, e.code());
        return e;
    }

    @Test
    void parse_sha256_keepsAlgorithmAndHex() {
        Digest d = Digest.parse("sha256:" + EMPTY);
        assertEquals("sha256", d.algorithm());
        assertEquals(EMPTY, d.hex());
        assertEquals("sha256:" + EMPTY, d.toString());
    }

    @Test
    void parse_sha512_isAccepted() {
        Digest d = Digest.parse("sha512:" + SHA512_EMPTY);
        assertEquals("sha512", d.algorithm());
        assertEquals("sha512:" + SHA512_EMPTY, d.toString());
    }

    @Test
    void parse_toString_roundTrips() {
        Digest d = Digest.parse("sha256:" + HELLO);
        assertEquals(d, Digest.parse(d.toString()));
    }

    @Test
    void sha256_ofBytes_equalsWhatSha256sumPrints() {
        assertEquals("sha256:" + EMPTY, Digest.sha256(new byte[0]).toString());
        assertEquals("sha256:" + HELLO, Digest.sha256("hello\n".getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Test
    void ofSha256_finishedDigest_equalsOneShotDigest() {
        var md = Digest.newSha256();
        md.update("hel".getBytes(StandardCharsets.UTF_8));
        md.update("lo\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(Digest.parse("sha256:" + HELLO), Digest.ofSha256(md));
    }

    @Test
    void matches_sameBytes_true_otherBytes_false() {
        Digest d = Digest.parse("sha256:" + HELLO);
        assertTrue(d.matches("hello\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(d.matches("hello".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void matches_sha512_hashesWithSha512() {
        Digest d = Digest.parse("sha512:" + SHA512_EMPTY);
        assertTrue(d.matches(new byte[0]));
        assertFalse(d.matches(new byte[] {1}));
    }

    @Test
    void parse_unknownAlgorithm_refusedNamingInput() {
        InvalidValueException e = refused("md5:d41d8cd98f00b204e9800998ecf8427e");
        assertTrue(e.getMessage().contains("md5:d41d8cd98f00b204e9800998ecf8427e"), e.getMessage());
        assertTrue(e.getMessage().contains("sha256 or sha512"), e.getMessage());
        assertEquals("md5:d41d8cd98f00b204e9800998ecf8427e", e.input());
    }

    @Test
    void parse_algorithmIsCaseSensitive() {
        refused("SHA256:" + EMPTY);
    }

    @Test
    void parse_nonHexCharacter_refused() {
        String bad = "sha256:" + EMPTY.substring(0, 63) + "g";
        InvalidValueException e = refused(bad);
        assertTrue(e.getMessage().contains(bad), e.getMessage());
        assertTrue(e.getMessage().contains("64 lower-case hex digits"), e.getMessage());
    }

    @Test
    void parse_upperCaseHex_refused() {
        InvalidValueException e = refused("sha256:" + EMPTY.toUpperCase());
        assertTrue(e.getMessage().contains("lower-case"), e.getMessage());
    }

    @Test
    void parse_wrongLength_refused() {
        refused("sha256:" + EMPTY.substring(1));
        refused("sha256:" + EMPTY + "0");
        refused("sha256:");
        // A sha256-sized hex under the sha512 name is the wrong length too.
        InvalidValueException e = refused("sha512:" + EMPTY);
        assertTrue(e.getMessage().contains("128"), e.getMessage());
    }

    @Test
    void parse_withoutColon_refused() {
        InvalidValueException e = refused(EMPTY);
        assertTrue(e.getMessage().contains("algorithm:hex"), e.getMessage());
        refused(":" + EMPTY);
        refused("");
    }

    @Test
    void parse_surroundingWhitespace_refused() {
        refused(" sha256:" + EMPTY);
        refused("sha256:" + EMPTY + "\n");
    }

    @Test
    void parse_null_refused() {
        InvalidValueException e = refused(null);
        assertTrue(e.getMessage().contains("no digest given"), e.getMessage());
    }

    @Test
    void withEquals_usesTheLookasideForm() {
        assertEquals("sha256=" + EMPTY, Digest.parse("sha256:" + EMPTY).withEquals());
    }

    @Test
    void equalsAndOrder_followTheText() {
        Digest a = Digest.parse("sha256:" + EMPTY);
        Digest b = Digest.parse("sha256:" + HELLO);
        assertEquals(a, Digest.parse("sha256:" + EMPTY));
        assertEquals(a.hashCode(), Digest.parse("sha256:" + EMPTY).hashCode());
        assertNotEquals(a, b);
        List<Digest> sorted = new ArrayList<>(List.of(a, b));
        Collections.sort(sorted);
        assertEquals(List.of(b, a), sorted, "58... sorts before e3...");
    }

    @Test
    void isValid_andIsSha256_answerWithoutThrowing() {
        assertTrue(Digest.isValid("sha256:" + EMPTY));
        assertTrue(Digest.isValid("sha512:" + SHA512_EMPTY));
        assertTrue(Digest.isSha256("sha256:" + EMPTY));
        assertFalse(Digest.isSha256("sha512:" + SHA512_EMPTY));
        for (String bad : new String[] {null, "", "sha256:", "sha256:" + EMPTY.toUpperCase(), "sha256:" + EMPTY + "0",
            "md5:" + EMPTY, EMPTY, "sha256=" + EMPTY}) {
            assertFalse(Digest.isValid(bad), bad);
            assertFalse(Digest.isSha256(bad), bad);
        }
    }
}
