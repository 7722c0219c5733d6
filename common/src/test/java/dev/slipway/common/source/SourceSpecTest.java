package dev.slipway.common.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import dev.slipway.common.error.SlipwayException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one {@code <git url>#<commit>} parser of hub and worker (it replaced worker SourceSpec and hub BuildSource). */
class SourceSpecTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private static SlipwayException refused(String text, ErrorCode code) {
        SlipwayException e = assertThrows(SlipwayException.class, () -> SourceSpec.parse(text));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Test
    void parse_urlAndFullCommit_keepsBoth() {
        SourceSpec spec = SourceSpec.parse("https://src.example/rpms/app.git#" + SHA);
        assertEquals(URI.create("https://src.example/rpms/app.git"), spec.repository());
        assertEquals(SHA, spec.commit().hex());
        assertEquals("https://src.example/rpms/app.git#" + SHA, spec.toString());
    }

    @Test
    void parse_fileUrl_accepted() {
        SourceSpec spec = SourceSpec.parse("file:///srv/dist-git/app#" + SHA);
        assertEquals("file", spec.repository().getScheme());
        assertEquals("/srv/dist-git/app", spec.repository().getPath());
    }

    @Test
    void parse_gitAndSshSchemes_accepted() {
        assertEquals("git", SourceSpec.parse("git://src.example/app#" + SHA).repository().getScheme());
        assertEquals("ssh", SourceSpec.parse("ssh://src.example:2222/app#" + SHA).repository().getScheme());
    }

    @Test
    void toString_parsesBack() {
        SourceSpec spec = SourceSpec.parse("https://src.example:8443/a/b#" + SHA);
        assertEquals(spec, SourceSpec.parse(spec.toString()));
    }

    @Test
    void parse_branchName_refusedAsNotACommit() {
        SlipwayException e = refused("https://src.example/app#main", ErrorCode.SOURCE_NOT_A_COMMIT);
        assertTrue(e.getMessage().contains("https://src.example/app#main"), e.getMessage());
        assertTrue(e.getMessage().contains("full 40-character"), e.getMessage());
        refused("https://src.example/app#refs/heads/f40", ErrorCode.SOURCE_NOT_A_COMMIT);
    }

    @Test
    void parse_shortCommit_refused() {
        SlipwayException e = refused("https://src.example/app#0123456", ErrorCode.SOURCE_NOT_A_COMMIT);
        assertTrue(e.getMessage().contains("#0123456'"), e.getMessage());
        refused("https://src.example/app#" + SHA.substring(1), ErrorCode.SOURCE_NOT_A_COMMIT);
        refused("https://src.example/app#" + SHA + "8", ErrorCode.SOURCE_NOT_A_COMMIT);
    }

    @Test
    void parse_upperCaseCommit_refusedAskingForLowerCase() {
        SlipwayException e = refused("https://src.example/app#" + SHA.toUpperCase(), ErrorCode.SOURCE_NOT_A_COMMIT);
        assertTrue(e.getMessage().contains("lower-case"), e.getMessage());
    }

    @Test
    void parse_emptyCommit_refused() {
        refused("https://src.example/app#", ErrorCode.SOURCE_NOT_A_COMMIT);
    }

    @Test
    void parse_missingHash_refusedNamingSource() {
        SlipwayException e = refused("https://src.example/app", ErrorCode.SOURCE_NOT_A_COMMIT);
        assertTrue(e.getMessage().contains("'https://src.example/app'"), e.getMessage());
        assertTrue(e.getMessage().contains("#<"), e.getMessage());
    }

    @Test
    void parse_credentialsInUrl_refusedWithoutEchoingThem() {
        SlipwayException e = refused("https://builder:s3cret@src.example/app#" + SHA, ErrorCode.SOURCE_INVALID);
        assertTrue(e.getMessage().contains("anonymous"), e.getMessage());
        assertTrue(e.getMessage().contains("src.example/app"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertFalse(e.getMessage().contains("builder"), e.getMessage());
        refused("https://token@src.example/app#" + SHA, ErrorCode.SOURCE_INVALID);
    }

    @Test
    void parse_relativeUrl_refused() {
        SlipwayException e = refused("rpms/app#" + SHA, ErrorCode.SOURCE_INVALID);
        assertTrue(e.getMessage().contains("'rpms/app'"), e.getMessage());
        assertTrue(e.getMessage().contains("absolute URL"), e.getMessage());
        refused("/srv/git/app#" + SHA, ErrorCode.SOURCE_INVALID);
        refused("#" + SHA, ErrorCode.SOURCE_INVALID);
    }

    @Test
    void parse_malformedUrl_refusedNamingIt() {
        SlipwayException e = refused("https://src.example/my app#" + SHA, ErrorCode.SOURCE_INVALID);
        assertTrue(e.getMessage().contains("https://src.example/my app"), e.getMessage());
    }

    @Test
    void parse_blank_refused() {
        refused("", ErrorCode.SOURCE_INVALID);
        refused("  ", ErrorCode.SOURCE_INVALID);
        refused(null, ErrorCode.SOURCE_INVALID);
    }

    @Test
    void constructor_validatesToo() {
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> new SourceSpec(URI.create("https://src.example/app"), "main"));
        assertEquals(ErrorCode.SOURCE_NOT_A_COMMIT, e.code());
        assertEquals(ErrorCode.SOURCE_INVALID,
                assertThrows(SlipwayException.class, () -> new SourceSpec(null, SHA)).code());
    }

    @Test
    void parse_distGitUrl_componentIsRepositoryName() {
        SourceSpec s = SourceSpec.parse("https://src.example.org/containers/foo-bar.git#" + SHA);
        assertEquals("foo-bar", s.component());
        assertEquals(SHA, s.commit().hex());
        assertEquals("python3", SourceSpec.parse("git://pkgs.example/rpms/python3/#" + SHA).component());
        assertEquals("", SourceSpec.parse("https://src.example.org/#" + SHA).component());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://src.example.org/c/foo.git#main|SOURCE_NOT_A_COMMIT",
        "https://src.example.org/c/foo.git#0123abc|SOURCE_NOT_A_COMMIT",
        "https://src.example.org/c/foo.git|SOURCE_NOT_A_COMMIT",
        "https://src.example.org/c/foo.git#0123456789ABCDEF0123456789abcdef01234567|SOURCE_NOT_A_COMMIT",
        "foo.git#0123456789abcdef0123456789abcdef01234567|SOURCE_INVALID",
        "https://user:pw@src.example.org/c/foo.git#0123456789abcdef0123456789abcdef01234567|SOURCE_INVALID",
        "https://src.example.org/c/foo bar.git#0123456789abcdef0123456789abcdef01234567|SOURCE_INVALID",
        "https://src.example.org#0123456789abcdef0123456789abcdef01234567|SOURCE_INVALID",
        "https://src.example.org/c/foo.git?ref=x#0123456789abcdef0123456789abcdef01234567|SOURCE_INVALID",
    })
    void parse_badSources_refusedWithStableCodes(String src, ErrorCode code) {
        assertEquals(code, assertThrows(SlipwayException.class, () -> SourceSpec.parse(src)).code());
    }

    @Test
    void parse_tooLongOrControlCharacters_refused() {
        refused("https://src.example/" + "a".repeat(SourceSpec.MAX_LENGTH) + "#" + SHA, ErrorCode.SOURCE_INVALID);
        SlipwayException e = refused("https://src.example/a\u0007b#" + SHA, ErrorCode.SOURCE_INVALID);
        assertFalse(e.getMessage().contains("\u0007"), e.getMessage());
    }

    @Test
    void parse_sha256Commit_refusedBecauseSourcesAreSha1() {
        SlipwayException e = refused("https://src.example/app#" + "ab".repeat(32), ErrorCode.SOURCE_NOT_A_COMMIT);
        assertTrue(e.getMessage().contains("40-character"), e.getMessage());
    }

    @Test
    void parse_error_isAnInvalidValueKeepingTheRedactedInput() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> SourceSpec.parse("https://src.example/app#main"));
        assertEquals("https://src.example/app#main", e.input());
    }

    /** Decided once for hub and worker: no message ever repeats the credentials of a URL. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "https://builder:s3cret@src.example/app#0123456789abcdef0123456789abcdef01234567",
        "https://builder:s3cret@src.example/app#main",
        "https://builder:s3cret@src.example/app",
        "https://builder:s3cret@src.example/my app#0123456789abcdef0123456789abcdef01234567",
        "https://builder:s3cret@src.example/a|b#0123456789abcdef0123456789abcdef01234567",
        "https://builder:s3cret@src.example/app?x=1#0123456789abcdef0123456789abcdef01234567",
        "https://builder:s3cret@#0123456789abcdef0123456789abcdef01234567",
        "builder:s3cret@src.example/app#0123456789abcdef0123456789abcdef01234567",
        "ssh://builder:s3cret@src.example:2222/app.git#0123",
    })
    void parse_urlWithCredentials_neverEchoesThem(String text) {
        SlipwayException e = assertThrows(SlipwayException.class, () -> SourceSpec.parse(text));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertFalse(e.getMessage().contains("builder"), e.getMessage());
        if (e instanceof InvalidValueException invalid) {
            assertFalse(invalid.input().contains("s3cret"), invalid.input());
        }
    }

    @Test
    void constructor_urlWithCredentials_refusedWithoutEchoingThem() {
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> new SourceSpec(URI.create("https://builder:s3cret@src.example/app"), SHA));
        assertEquals(ErrorCode.SOURCE_INVALID, e.code());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        e = assertThrows(SlipwayException.class,
                () -> new SourceSpec(URI.create("https://builder:s3cret@src.example/app"), "main"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void redact_replacesUserInfoOnly() {
        assertEquals("https://***@src.example/app#x", SourceSpec.redact("https://u:p@src.example/app#x"));
        assertEquals("***@src.example:org/app", SourceSpec.redact("git@src.example:org/app"));
        assertEquals("https://src.example/a@b", SourceSpec.redact("https://src.example/a@b"));
        assertEquals("file:///srv/app", SourceSpec.redact("file:///srv/app"));
        assertEquals("null", SourceSpec.redact(null));
    }
}
