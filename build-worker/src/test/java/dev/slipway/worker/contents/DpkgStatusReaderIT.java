package dev.slipway.worker.contents;

import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.process.Command;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host's own dpkg database, read by Slipway and by dpkg-query as the witness. */
class DpkgStatusReaderIT {
    @Test
    void read_hostStatusFile_matchesDpkgQuery() {
        List<String> byDpkg = Command.of("dpkg-query", "-W", "-f",
                        "${db:Status-Status}|${Package}|${Version}|${Architecture}|${Installed-Size}\\n").output()
                .lines().filter(l -> l.startsWith("installed|")).map(l -> l.substring("installed|".length()))
                .sorted().toList();

        List<InstalledPackage> packages = new DpkgStatusReader()
                .read(Path.of("/var/lib/dpkg/status"), "/var/lib/dpkg/status").packages();

        List<String> bySlipway = packages.stream().map(p -> p.name() + "|"
                + (p.epoch() == null ? "" : p.epoch() + ":") + p.version() + (p.release() == null ? "" : "-"
                + p.release()) + "|" + p.arch() + "|" + (p.size() == 0 ? "" : String.valueOf(p.size() / 1024)))
                .sorted().toList();
        assertTrue(byDpkg.size() > 100, "the host has a real dpkg database");
        assertEquals(byDpkg, bySlipway);
    }
}
