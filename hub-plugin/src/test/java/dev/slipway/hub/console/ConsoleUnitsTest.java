package dev.slipway.hub.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.api.Admin;
import dev.slipway.common.api.RpmComponent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's small pure parts: counts, commit links, the RPM table, TLS behind proxies, cluster health. */
class ConsoleUnitsTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void count_isSingularForExactlyOne_andGroupsThousands() {
        assertEquals("1 image", Fmt.count(1, "image"));
        assertEquals("0 images", Fmt.count(0, "image"));
        assertEquals("10,000 tasks", Fmt.count(10_000, "task"));
        assertEquals("2 matches", Fmt.count(2, "match", "matches"));
    }

    @Test
    void commitLink_httpsRepository_isCgitStyleWithoutDotGit() {
        assertEquals("https://src.example.org/containers/foo/commit/?id=" + SHA,
                new CommitLinks(null).of("https://src.example.org/containers/foo.git#" + SHA));
    }

    @Test
    void commitLink_template_getsUrlPathAndCommit() {
        CommitLinks links = new CommitLinks("https://cgit.example.org/{path}/commit/?id={commit}");
        assertEquals("https://cgit.example.org/containers/foo/commit/?id=" + SHA,
                links.of("git://src.example.org/containers/foo.git#" + SHA));
    }

    @Test
    void commitLink_noLinkForOtherSchemesCredentialsOrABranch() {
        CommitLinks links = new CommitLinks(null);
        assertNull(links.of("git://src.example.org/foo.git#" + SHA));
        assertNull(links.of("https://user:secret@src.example.org/foo.git#" + SHA));
        assertNull(links.of("https://src.example.org/foo.git#main"));
        assertNull(links.of("javascript:alert(1)//x#" + SHA));
        assertNull(new CommitLinks("javascript:{commit}").of("https://src.example.org/foo.git#" + SHA));
    }

    private static RpmComponent rpm(String name, Integer epoch, String version, String release, String license) {
        return new RpmComponent("rpm", name, epoch, version, release, "x86_64", null, "RSA/SHA256, key 1234",
                null, null, license, null, null, null);
    }

    @Test
    void rpmTable_filtersOnOneColumn_andSortsVersionsByRpmvercmp() {
        List<RpmComponent> rows = List.of(rpm("openssl", 1, "3.0.10", "1", "Apache-2.0"),
                rpm("bash", null, "5.2", "1", "GPL-3.0-or-later"), rpm("zlib", null, "3.0.9", "2", "Zlib"));
        assertEquals(List.of("bash", "openssl", "zlib"), names(new RpmTable(null, null, null, false).apply(rows)));
        assertEquals(List.of("zlib", "openssl", "bash"),
                names(new RpmTable(null, null, "version", false).apply(rows)), "3.0.9 < 3.0.10 < 5.2");
        assertEquals(List.of("bash", "openssl", "zlib"),
                names(new RpmTable(null, null, "version", true).apply(rows)));
        assertEquals(List.of("zlib"), names(new RpmTable("license", "zlib", null, false).apply(rows)));
        assertEquals(List.of("openssl"), names(new RpmTable("epoch", "1", null, false).apply(rows)));
        assertEquals(List.of(), names(new RpmTable("name", "gpl", null, false).apply(rows)), "a column, not all");
        assertEquals(List.of("bash"), names(new RpmTable("all", "gpl", null, false).apply(rows)));
    }

    @Test
    void rpmTable_sortLink_keepsTheFilterAndTogglesTheDirection() {
        RpmTable t = RpmTable.from(Map.of("rpm-field", "name", "rpm", "ssl", "sort", "version")::get);
        assertEquals("?rpm-field=name&rpm=ssl&sort=version&dir=desc", t.sortLink("version"));
        assertEquals("?rpm-field=name&rpm=ssl&sort=arch", t.sortLink("arch"));
    }

    private static List<String> names(List<RpmComponent> rows) {
        return rows.stream().map(RpmComponent::name).toList();
    }

    @Test
    void transport_believesForwardedProtoOnlyFromATrustedProxy() {
        Transport t = new Transport(List.of("10.0.0.5"));
        assertTrue(t.secure(true, "192.0.2.1", null), "the hub's own TLS listener");
        assertTrue(t.secure(false, "10.0.0.5", "https"));
        assertTrue(t.secure(false, "10.0.0.5", "HTTPS, http"), "the first hop is the browser's");
        assertFalse(t.secure(false, "10.0.0.5", "http"));
        assertFalse(t.secure(false, "192.0.2.1", "https"), "anyone can send the header");
        assertFalse(t.secure(false, "10.0.0.5", null));
    }

    @Test
    void clusterHealth_perChannelAndArch_countsOnlyEnabledReadyHostsCapacity() {
        Admin.Host a = new Admin.Host("a", List.of("x86_64", "aarch64"), List.of("container"), 4.0, 2.0, true, true,
                null, null);
        Admin.Host b = new Admin.Host("b", List.of("x86_64"), List.of("container"), 4.0, 0.0, false, true, null,
                null);
        List<ClusterHealth> h = ClusterHealth.of(List.of(a, b));
        assertEquals(List.of(new ClusterHealth("container", "aarch64", 1, 1, 2.0, 4.0),
                new ClusterHealth("container", "x86_64", 2, 1, 2.0, 4.0)), h);
        assertEquals(50, h.get(1).percent());
    }
}
