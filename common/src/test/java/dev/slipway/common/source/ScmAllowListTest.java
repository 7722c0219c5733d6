package dev.slipway.common.source;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one SCM allow-list of hub and worker (it replaced worker and hub ScmAllowList). */
class ScmAllowListTest {
    private final ScmAllowList rpms = new ScmAllowList(List.of("https://src.example/rpms"));

    private static void admitted(ScmAllowList list, String repository) {
        assertDoesNotThrow(() -> list.check(URI.create(repository)), repository);
    }

    private static SlipwayException notAllowed(ScmAllowList list, String repository) {
        SlipwayException e = assertThrows(SlipwayException.class, () -> list.check(URI.create(repository)),
                repository);
        assertEquals(ErrorCode.SOURCE_NOT_ALLOWED, e.code());
        return e;
    }

    private static SlipwayException badEntry(String entry) {
        SlipwayException e = assertThrows(SlipwayException.class, () -> new ScmAllowList(List.of(entry)), entry);
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
        assertTrue(e.getMessage().contains("'" + entry + "'"), e.getMessage());
        return e;
    }

    @Test
    void check_repositoryBelowPrefix_admitted() {
        admitted(rpms, "https://src.example/rpms/app");
        admitted(rpms, "https://src.example/rpms/app.git");
        admitted(rpms, "https://src.example/rpms/team/app");
        admitted(rpms, "https://src.example/rpms");
        admitted(rpms, "https://src.example/rpms/");
    }

    @Test
    void check_sameTextPrefixButOtherSegment_refused() {
        SlipwayException e = notAllowed(rpms, "https://src.example/rpmsevil/app");
        assertTrue(e.getMessage().contains("https://src.example/rpmsevil/app"), e.getMessage());
        assertTrue(e.getMessage().contains("https://src.example/rpms"), e.getMessage());
        notAllowed(rpms, "https://src.example/rpms-evil");
    }

    @Test
    void check_otherPath_refused() {
        notAllowed(rpms, "https://src.example/other/rpms/app");
        notAllowed(rpms, "https://src.example/");
        notAllowed(rpms, "https://src.example");
    }

    @Test
    void check_dotDotOutOfPrefix_refused() {
        notAllowed(rpms, "https://src.example/rpms/../secret/app");
        notAllowed(rpms, "https://src.example/rpms/%2e%2e/secret");
        ScmAllowList containers = new ScmAllowList(List.of("https://src.example.org/containers"));
        notAllowed(containers, "https://src.example.org/containers/../rpms/x.git");
    }

    /** Decided once for hub and worker: '..' is refused even where it would resolve inside the prefix. */
    @Test
    void check_dotDotSegmentAnywhere_refusedEvenWhenItStaysInside() {
        ScmAllowList both = new ScmAllowList(List.of("https://src.example/rpms", "file:///srv/dist-git"));
        for (String repository : List.of("https://src.example/rpms/team/../app",
                "https://src.example/rpms/team/%2E%2E/app", "https://src.example/rpms/team/%2e./app",
                "https://src.example/rpms/app/..", "file:///srv/dist-git/team/../app")) {
            SlipwayException e = notAllowed(both, repository);
            assertTrue(e.getMessage().contains("'..'"), e.getMessage());
        }
        admitted(rpms, "https://src.example/rpms/app..git");
        admitted(rpms, "https://src.example/rpms/./app");
    }

    @Test
    void check_refusal_doesNotEchoCredentials() {
        SlipwayException e = notAllowed(rpms, "https://builder:s3cret@evil.example/app");
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        e = notAllowed(rpms, "https://builder:s3cret@src.example/rpms/../app");
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void check_otherScheme_refused() {
        notAllowed(rpms, "http://src.example/rpms/app");
        notAllowed(rpms, "git://src.example/rpms/app");
    }

    @Test
    void check_schemeAndHost_compareWithoutCase() {
        admitted(rpms, "HTTPS://SRC.Example/rpms/app");
    }

    @Test
    void check_pathComparesWithCase() {
        notAllowed(rpms, "https://src.example/RPMS/app");
    }

    @Test
    void check_otherHost_refused() {
        notAllowed(rpms, "https://evil.example/rpms/app");
        notAllowed(rpms, "https://src.example.evil/rpms/app");
        notAllowed(rpms, "https://evil-src.example/rpms/app");
    }

    @Test
    void check_portMustMatch() {
        notAllowed(rpms, "https://src.example:8443/rpms/app");
        ScmAllowList ported = new ScmAllowList(List.of("https://src.example:8443/rpms"));
        admitted(ported, "https://src.example:8443/rpms/app");
        notAllowed(ported, "https://src.example/rpms/app");
        notAllowed(ported, "https://src.example:9443/rpms/app");
    }

    @Test
    void check_entryWithoutPath_admitsTheWholeHost() {
        ScmAllowList host = new ScmAllowList(List.of("https://src.example"));
        admitted(host, "https://src.example/anything/app");
        notAllowed(host, "https://other.example/anything/app");
    }

    @Test
    void check_entryWithTrailingSlash_behavesLikeWithout() {
        ScmAllowList slash = new ScmAllowList(List.of("https://src.example/rpms/"));
        admitted(slash, "https://src.example/rpms/app");
        notAllowed(slash, "https://src.example/rpmsevil/app");
    }

    @Test
    void check_unusualCharactersInPath_answeredNotCrashed() {
        admitted(rpms, "https://src.example/rpms/a%25b");
        admitted(rpms, "https://src.example/rpms/a%7Cb");
        notAllowed(rpms, "https://src.example/rpm%25s/app");
    }

    @Test
    void check_filePrefix_matchesBySegment() {
        ScmAllowList files = new ScmAllowList(List.of("file:///srv/dist-git"));
        admitted(files, "file:///srv/dist-git/app");
        admitted(files, "file:///srv/dist-git/team/app.git");
        notAllowed(files, "file:///srv/dist-gitevil/app");
        notAllowed(files, "file:///srv/other/app");
        notAllowed(files, "file:///srv/dist-git/../other/app");
        notAllowed(files, "https://src.example/srv/dist-git/app");
    }

    @Test
    void check_anyEntryMayAdmit() {
        ScmAllowList two = new ScmAllowList(List.of("https://a.example/x", "file:///srv/git"));
        admitted(two, "https://a.example/x/app");
        admitted(two, "file:///srv/git/app");
        notAllowed(two, "https://b.example/x/app");
    }

    @Test
    void check_emptyList_refusesEverything() {
        notAllowed(new ScmAllowList(List.of()), "https://src.example/rpms/app");
    }

    @Test
    void plus_admitsTheTypedRepository_leavesOriginalUnchanged() {
        URI typed = URI.create("file:///tmp/work/app");
        ScmAllowList more = rpms.plus(typed);
        admitted(more, "file:///tmp/work/app");
        admitted(more, "https://src.example/rpms/app");
        notAllowed(rpms, "file:///tmp/work/app");
        assertEquals(List.of("https://src.example/rpms"), rpms.entries());
        notAllowed(more, "file:///tmp/work/other");
    }

    @Test
    void entries_areCopied() {
        List<String> source = new ArrayList<>(List.of("https://src.example/rpms"));
        ScmAllowList list = new ScmAllowList(source);
        source.add("https://evil.example");
        notAllowed(list, "https://evil.example/app");
        assertThrows(UnsupportedOperationException.class, () -> list.entries().add("https://x.example"));
    }

    @Test
    void constructor_entryWithoutScheme_refused() {
        SlipwayException e = badEntry("src.example/rpms");
        assertTrue(e.getMessage().contains("scheme://host"), e.getMessage());
    }

    @Test
    void constructor_entryWithoutHost_refused() {
        badEntry("https:///rpms");
        badEntry("mailto:someone@src.example");
    }

    @Test
    void constructor_entryThatIsNotAUri_refused() {
        badEntry("https://src.example/my rpms");
        badEntry("https://src example/rpms");
        badEntry("");
    }
}
