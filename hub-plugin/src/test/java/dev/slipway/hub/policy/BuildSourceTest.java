package dev.slipway.hub.policy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing build sources and checking them against the SCM allow-list. */
class BuildSourceTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void parse_distGitUrl_componentIsRepositoryName() {
        BuildSource s = BuildSource.parse("https://src.example.org/containers/foo-bar.git#" + SHA);
        assertEquals("foo-bar", s.component());
        assertEquals(SHA, s.commit());
        assertEquals("python3", BuildSource.parse("git://pkgs.example/rpms/python3/#" + SHA).component());
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
        "https://src.example.org/#0123456789abcdef0123456789abcdef01234567|BAD_NAME",
    })
    void parse_badSources_refusedWithStableCodes(String src, ErrorCode code) {
        assertEquals(code, assertThrows(SlipwayException.class, () -> BuildSource.parse(src)).code());
    }

    @Test
    void allowList_matchesWholePathSegmentsOnly() {
        ScmAllowList allowed = new ScmAllowList(List.of("https://src.example.org/containers"));
        assertDoesNotThrow(() -> allowed.check(URI.create("https://src.example.org/containers/foo.git")));
        for (String bad : List.of("https://src.example.org/containers-evil/foo.git", "http://src.example.org/containers/x",
                "https://evil.example/containers/foo.git", "https://src.example.org/containers/../rpms/x.git")) {
            assertEquals(ErrorCode.SOURCE_NOT_ALLOWED, assertThrows(SlipwayException.class,
                    () -> allowed.check(URI.create(bad))).code(), bad);
        }
    }
}
