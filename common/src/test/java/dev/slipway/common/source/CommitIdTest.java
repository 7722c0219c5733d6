package dev.slipway.common.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommitIdTest {
    private static final String SHA1 = "0123456789abcdef0123456789abcdef01234567";
    private static final String SHA256 = "0123456789abcdef".repeat(4);

    @Test
    void parse_sha1_keepsItAndIsSha1() {
        CommitId id = CommitId.parse(SHA1);
        assertEquals(SHA1, id.hex());
        assertEquals(SHA1, id.toString());
        assertTrue(id.isSha1());
    }

    @Test
    void parse_sha256ObjectName_acceptedButNotSha1() {
        CommitId id = CommitId.parse(SHA256);
        assertEquals(SHA256, id.hex());
        assertFalse(id.isSha1());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "main", "refs/heads/main", "0123456", "0123456789ABCDEF0123456789abcdef01234567",
        "0123456789abcdef0123456789abcdef012345678", "0123456789abcdef0123456789abcdef0123456",
        " 0123456789abcdef0123456789abcdef01234567", "0123456789abcdef0123456789abcdef0123456789abcdef"})
    void parse_notAFullLowerCaseId_refusedKeepingTheInput(String text) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> CommitId.parse(text));
        assertEquals(ErrorCode.SOURCE_NOT_A_COMMIT, e.code());
        assertEquals(text, e.input());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertFalse(CommitId.isValid(text));
    }

    @Test
    void parse_null_refused() {
        assertThrows(InvalidValueException.class, () -> CommitId.parse(null));
        assertFalse(CommitId.isValid(null));
    }

    @Test
    void isZero_onlyForTheAllZeroId() {
        assertTrue(CommitId.parse("0".repeat(40)).isZero());
        assertTrue(CommitId.parse("0".repeat(64)).isZero());
        assertFalse(CommitId.parse(SHA1).isZero());
    }
}
