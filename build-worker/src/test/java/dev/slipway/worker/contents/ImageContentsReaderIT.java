package dev.slipway.worker.contents;

import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import dev.slipway.testing.image.BaseImage;
import dev.slipway.testing.image.BaseImageFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The path the worker takes: create (never start) a container of the image, copy the package-database paths out
 * through the engine's archive endpoint ({@code docker cp CONTAINER:PATH -} streams the same tar), extract them and
 * read; rpm inside the image is the witness.
 */
class ImageContentsReaderIT {
    private static final String DOCKER = "/usr/bin/docker";

    @TempDir
    Path root;

    private String container;

    @AfterEach
    void removeContainer() {
        if (container != null) {
            Command.of(DOCKER, "rm", "-f", container).output();
        }
    }

    /** Streams {@code docker cp} into the extractor; returns false when the image has no such path. */
    private boolean copyOut(String imagePath) throws Exception {
        Path archive = Files.createTempFile("slipway-docker-cp-", ".tar");
        try {
            CommandResult cp = Command.of(DOCKER, "cp", container + ":" + imagePath, "-").stdoutTo(archive)
                    .timeout(Duration.ofSeconds(60)).run();
            try (InputStream tar = Files.newInputStream(archive)) {
                // A path the image lacks gives an empty stream, which extracts to nothing.
                new CopiedPathExtractor().extract(tar, root, imagePath);
            }
            return cp.ok();
        } finally {
            Files.delete(archive);
        }
    }

    private PackageManifest readImage(BaseImage image) throws Exception {
        container = Command.of(DOCKER, "create", image.reference()).output().strip();
        List<Boolean> copied = new java.util.ArrayList<>();
        for (String path : ImageContentsReader.DATABASE_PATHS) {
            copied.add(copyOut(path));
        }
        // The image has both rpm paths (one a symlink) and neither /usr/share/rpm nor dpkg.
        assertEquals(List.of(true, true, false, false), copied);
        return new ImageContentsReader().read(root);
    }

    @Test
    void read_baseImage_matchesRpmInsideTheImage() throws Exception {
        BaseImage image = new BaseImageFixture().standard();

        PackageManifest manifest = readImage(image);

        assertEquals("/usr/lib/sysimage/rpm", manifest.database());
        List<String> insideImage = Command.of(DOCKER, "run", "--rm", "--network", "none",
                image.reference(), "rpm", "-qa", "--qf", "%{NEVRA}|%{SIGMD5}\\n").output().lines().sorted().toList();
        assertEquals(insideImage, manifest.packages().stream().map(p -> p.nevra() + "|" + p.sigmd5()).sorted()
                .toList());
        assertEquals(image.nevras(), manifest.packages().stream().map(InstalledPackage::nevra).sorted().toList());
        // /var/lib/rpm is a symlink in the image; the extractor skipped it rather than follow it.
        assertFalse(Files.exists(root.resolve("var/lib/rpm"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void read_benchmarkImage_readsAllPackages() throws Exception {
        BaseImage image = new BaseImageFixture().benchmark(150);
        assertEquals(image.nevras(), readImage(image).packages().stream().map(InstalledPackage::nevra).sorted()
                .toList());
    }
}
