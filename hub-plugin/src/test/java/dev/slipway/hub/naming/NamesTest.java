package dev.slipway.hub.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.source.SourceSpec;
import org.junit.jupiter.api.Test;

/** The component a submitted source builds (moved here with the hub's former BuildSource checks). */
class NamesTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void component_distGitUrl_isRepositoryName() {
        assertEquals("foo-bar", Names.component(SourceSpec.parse("https://src.example.org/containers/foo-bar.git#" + SHA)));
        assertEquals("python3", Names.component(SourceSpec.parse("git://pkgs.example/rpms/python3/#" + SHA)));
    }

    @Test
    void component_sourceWithoutRepositoryName_isBadName() {
        SourceSpec noName = SourceSpec.parse("https://src.example.org/#" + SHA);
        assertEquals(ErrorCode.BAD_NAME, assertThrows(SlipwayException.class, () -> Names.component(noName)).code());
    }
}
