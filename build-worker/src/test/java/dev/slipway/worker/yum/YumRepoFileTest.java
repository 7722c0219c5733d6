package dev.slipway.worker.yum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YumRepoFileTest {
    private static final URI URL = URI.create("https://repos.example.org/x/updates.repo");

    @Test
    void parse_repoWithBaseurlMetalinkAndMirrorlist_listsItsRepositories() {
        YumRepoFile repo = YumRepoFile.parse(URL, """
                # comment
                [main]
                gpgcheck=1

                [a]
                baseurl=http://a/
                   http://a-mirror/
                [b]
                metalink = https://mirrors/metalink?repo=b
                [c]
                mirrorlist=https://mirrors/list
                ; another comment
                """);
        assertEquals(List.of("a", "b", "c"), repo.repoIds());
        assertTrue(repo.fileName().matches("slipway-[0-9a-f]{8}-updates\\.repo"), repo.fileName());
        assertEquals(64, repo.sha256().length());
    }

    @Test
    void parse_htmlPage_isInvalidNamingTheLine() {
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> YumRepoFile.parse(URL, "<html>\n<body>oops</body>\n"));
        assertEquals(ErrorCode.YUM_REPO_INVALID, e.code());
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains(URL.toString()), e.getMessage());
    }

    @Test
    void parse_sectionWithoutSource_isInvalid() {
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> YumRepoFile.parse(URL, "[a]\nname=A\nenabled=1\n"));
        assertEquals(ErrorCode.YUM_REPO_INVALID, e.code());
        assertTrue(e.getMessage().contains("[a] has no baseurl, metalink or mirrorlist"), e.getMessage());
    }

    @Test
    void parse_emptyFile_isInvalid() {
        assertEquals(ErrorCode.YUM_REPO_INVALID, assertThrows(SlipwayException.class,
                () -> YumRepoFile.parse(URL, "# nothing\n")).code());
    }

    @Test
    void parse_keyBeforeSection_isInvalid() {
        assertEquals(ErrorCode.YUM_REPO_INVALID, assertThrows(SlipwayException.class,
                () -> YumRepoFile.parse(URL, "baseurl=http://a/\n[a]\nbaseurl=http://a/\n")).code());
    }

    @Test
    void fileName_differsForTwoUrlsWithTheSameBaseName_andIsSafe() {
        String a = YumRepoFile.fileName(URI.create("http://one/x.repo"));
        String b = YumRepoFile.fileName(URI.create("http://two/x.repo"));
        assertNotEquals(a, b);
        assertTrue(YumRepoFile.fileName(URI.create("http://h/a%20b;rm%20-rf.repo")).matches("[A-Za-z0-9._-]+"));
        assertTrue(YumRepoFile.fileName(URI.create("http://h/")).endsWith("-repo.repo"));
    }

    @Test
    void fetch_fileUrl_readsIt_andMissingOrHugeFilesAreUnreachable(@TempDir Path dir) throws Exception {
        YumRepoFetcher fetcher = new YumRepoFetcher();
        Path ok = Files.writeString(dir.resolve("ok.repo"), "[ok]\nbaseurl=file:///srv/ok\n");
        assertEquals(List.of("ok"), fetcher.fetch(ok.toUri()).repoIds());
        SlipwayException missing = assertThrows(SlipwayException.class,
                () -> fetcher.fetch(dir.resolve("none.repo").toUri()));
        assertEquals(ErrorCode.YUM_REPO_UNREACHABLE, missing.code());
        Path huge = Files.writeString(dir.resolve("huge.repo"), "[h]\nbaseurl=x\n" + "#".repeat(70_000));
        SlipwayException big = assertThrows(SlipwayException.class, () -> fetcher.fetch(huge.toUri()));
        assertEquals(ErrorCode.YUM_REPO_UNREACHABLE, big.code());
        assertTrue(big.getMessage().contains("larger than"), big.getMessage());
    }
}
