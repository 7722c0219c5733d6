package dev.slipway.worker.contents;

import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.process.Command;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A SUSE-style image made from local material: {@code docker import} of a tar holding the real SLE BCI 15.3
 * {@code Packages.db} at /usr/lib/sysimage/rpm (with /var/lib/rpm linked to it), plus a layer built on top. Its
 * manifest, read the worker's way (docker save, layer tars, no container), equals the database's expected list.
 */
class NdbImageIT {
    private static final String DOCKER = "/usr/bin/docker";

    @TempDir
    Path temp;

    private final String image = "slipway-test/ndb-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeImages() throws Exception {
        // Exit status ignored: a test that failed early may not have made both images.
        Command.of(DOCKER, "rmi", "-f", image + ":base", image + ":layered").run();
    }

    private Path rootTar() throws Exception {
        Path db = NdbRpmdbTest.resource(temp, "Packages.db");
        Path tar = temp.resolve("root.tar");
        try (OutputStream out = Files.newOutputStream(tar); TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            for (String dir : List.of("usr/", "usr/lib/", "usr/lib/sysimage/", "usr/lib/sysimage/rpm/", "var/",
                    "var/lib/", "etc/")) {
                t.putArchiveEntry(new TarArchiveEntry(dir));
                t.closeArchiveEntry();
            }
            TarArchiveEntry entry = new TarArchiveEntry("usr/lib/sysimage/rpm/Packages.db");
            entry.setSize(Files.size(db));
            t.putArchiveEntry(entry);
            Files.copy(db, t);
            t.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry("var/lib/rpm", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("../../usr/lib/sysimage/rpm");
            t.putArchiveEntry(link);
            t.closeArchiveEntry();
        }
        return tar;
    }

    @Test
    void read_importedSuseImage_equalsTheExpectedList() throws Exception {
        Command.of(DOCKER, "import", rootTar().toString(), image + ":base").output();
        Path context = Files.createDirectories(temp.resolve("context"));
        Files.writeString(context.resolve("os-release"), "ID=sles\n");
        Files.writeString(context.resolve("Dockerfile"), "FROM " + image + ":base\nCOPY os-release /etc/os-release\n");
        Command.of(DOCKER, "build", "-q", "-t", image + ":layered", context.toString()).output();

        List<Path> layers = SavedLayers.save(image + ":layered", temp.resolve("saved"));
        PackageManifest manifest = new ImageContentsReader().read(LayeredFiles.of(layers), temp.resolve("scratch"));

        assertEquals(2, layers.size());
        assertEquals("/usr/lib/sysimage/rpm", manifest.database());
        assertEquals("rpmdb-ndb", manifest.source());
        assertEquals(NdbRpmdbTest.withoutSummary(NdbRpmdbTest.expectedRows(temp)),
                manifest.packages().stream().map(NdbRpmdbTest::rowWithoutSummary).sorted().toList());
    }
}
