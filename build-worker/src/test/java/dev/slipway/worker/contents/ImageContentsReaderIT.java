package dev.slipway.worker.contents;

import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageManifest;
import dev.slipway.testing.image.BaseImage;
import dev.slipway.testing.image.BaseImageFixture;
import dev.slipway.common.process.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The path the worker takes: {@code docker save} the image, index its layer tars and copy the package database
 * out of the layers that hold it last (no container is created); rpm inside the image is the witness.
 */
class ImageContentsReaderIT {
    private static final String DOCKER = "/usr/bin/docker";

    @TempDir
    Path root;

    private PackageManifest readImage(BaseImage image) throws Exception {
        List<Path> layers = SavedLayers.save(image.reference(), root.resolve("saved"));
        return new ImageContentsReader().read(LayeredFiles.of(layers), root.resolve("scratch"));
    }

    @Test
    void read_baseImage_matchesRpmInsideTheImage() throws Exception {
        BaseImage image = new BaseImageFixture().standard();

        PackageManifest manifest = readImage(image);

        assertEquals("/usr/lib/sysimage/rpm", manifest.database());
        assertEquals("rpmdb-sqlite", manifest.source());
        List<String> insideImage = Command.of(DOCKER, "run", "--rm", "--network", "none",
                image.reference(), "rpm", "-qa", "--qf", "%{NEVRA}|%{SIGMD5}\\n").output().lines().sorted().toList();
        assertEquals(insideImage, manifest.packages().stream().map(p -> p.nevra() + "|" + p.sigmd5()).sorted()
                .toList());
        assertEquals(image.nevras(), manifest.packages().stream().map(InstalledPackage::nevra).sorted().toList());
        // Only the database directory itself was copied out; /var/lib/rpm (a symlink in the image) was not.
        assertFalse(Files.exists(root.resolve("scratch/var/lib/rpm"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void read_benchmarkImage_readsAllPackages() throws Exception {
        BaseImage image = new BaseImageFixture().benchmark(150);
        assertEquals(image.nevras(), readImage(image).packages().stream().map(InstalledPackage::nevra).sorted()
                .toList());
    }
}
