package dev.slipway.worker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.junit.jupiter.api.Test;

/** The .dockerignore rules as the docker CLI applies them. */
class DockerIgnoreTest {

    @Test
    void commentsAndBlankLines_areSkipped() {
        DockerIgnore ignore = DockerIgnore.parse("# secret\n\n   \n");
        assertFalse(ignore.excludes("# secret"));
        assertFalse(ignore.excludes("anything"));
    }

    @Test
    void star_staysWithinOneSegment() {
        DockerIgnore ignore = DockerIgnore.parse("*.log\n");
        assertTrue(ignore.excludes("build.log"));
        assertFalse(ignore.excludes("logs/build.log"));
    }

    @Test
    void doubleStar_spansAnyNumberOfDirectories() {
        DockerIgnore ignore = DockerIgnore.parse("**/*.tmp\n");
        assertTrue(ignore.excludes("a.tmp"));
        assertTrue(ignore.excludes("x/y/z/a.tmp"));
        assertFalse(ignore.excludes("x/a.tmpl"));
    }

    @Test
    void questionMarkAndClasses_matchOneCharacter() {
        DockerIgnore ignore = DockerIgnore.parse("file?.txt\n[ab]c\n[!x]y\n");
        assertTrue(ignore.excludes("file1.txt"));
        assertFalse(ignore.excludes("file12.txt"));
        assertTrue(ignore.excludes("ac"));
        assertFalse(ignore.excludes("cc"));
        assertTrue(ignore.excludes("zy"));
        assertFalse(ignore.excludes("xy"));
    }

    @Test
    void aMatchingParentDirectory_excludesEverythingBelowIt() {
        DockerIgnore ignore = DockerIgnore.parse("build\n");
        assertTrue(ignore.excludes("build"));
        assertTrue(ignore.excludes("build/out/a.o"));
        assertFalse(ignore.excludes("src/build"));
    }

    @Test
    void leadingSlashAndDotSegments_areCleanedAway() {
        DockerIgnore ignore = DockerIgnore.parse("/docs/./old/../api\n");
        assertTrue(ignore.excludes("docs/api/index.html"));
        assertFalse(ignore.excludes("docs/old/api"));
    }

    @Test
    void exclamation_reincludes_andTheLastMatchingRuleWins() {
        DockerIgnore ignore = DockerIgnore.parse("*.md\n!README.md\nREADME*\n!README.txt\n");
        assertTrue(ignore.excludes("CHANGES.md"));
        assertTrue(ignore.excludes("README.md"));
        assertFalse(ignore.excludes("README.txt"));
        assertTrue(ignore.hasExclusions());
        assertFalse(DockerIgnore.parse("*.md\n").hasExclusions());
    }

    @Test
    void regexCharacters_areLiteral() {
        DockerIgnore ignore = DockerIgnore.parse("a+b(1).txt\n");
        assertTrue(ignore.excludes("a+b(1).txt"));
        assertFalse(ignore.excludes("aab1.txt"));
    }

    @Test
    void aLoneExclamation_isAClearError() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> DockerIgnore.parse("ok\n !  \n"));
        assertEquals(ErrorCode.BUILD_CONTEXT_INVALID, e.code());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void anUnterminatedClass_isAClearError() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> DockerIgnore.parse("[abc\n"));
        assertEquals(ErrorCode.BUILD_CONTEXT_INVALID, e.code());
        assertTrue(e.getMessage().contains("[abc"), e.getMessage());
    }

    @Test
    void clean_isGosFilepathClean() {
        assertEquals("a/c", DockerIgnore.clean("a/b/../c/"));
        assertEquals(".", DockerIgnore.clean("./"));
        assertEquals("../x", DockerIgnore.clean("../x"));
        assertEquals("/x", DockerIgnore.clean("/../x"));
    }
}
