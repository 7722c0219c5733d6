package dev.slipway.testing.image;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.process.Command;
import dev.slipway.testing.rpm.BuiltRpm;
import dev.slipway.testing.rpm.FixtureFiles;
import dev.slipway.testing.rpm.RpmFixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Makes an RPM-based base image in the local Docker Engine from local material (about 10 MB, a few seconds): a
 * busybox root with the host's rpm and the given fixture RPMs installed, imported with {@code docker import}.
 *
 * <p>Each build is recorded in the fixture cache with a hash of its inputs; asking again for the same reference
 * and packages returns the existing image as long as the engine still has it under that reference.
 */
public final class BaseImageFixture {
    /** Bumped whenever the recipe changes, so images made by an older recipe are rebuilt. */
    private static final String RECIPE = "base-image-v1";
    private static final String DOCKER = "/usr/bin/docker";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    public static final String STANDARD_REFERENCE = "slipway-fixture/rpm-base:standard";

    private final RpmFixtures rpmFixtures;
    private final Path cacheRoot;

    public BaseImageFixture() {
        this(new RpmFixtures(), FixtureFiles.defaultCacheRoot());
    }

    public BaseImageFixture(RpmFixtures rpmFixtures, Path cacheRoot) {
        this.rpmFixtures = rpmFixtures;
        this.cacheRoot = cacheRoot.toAbsolutePath();
    }

    /** The base image with {@link RpmFixtures#STANDARD} installed, as {@link #STANDARD_REFERENCE}. */
    public BaseImage standard() {
        return build(STANDARD_REFERENCE, rpmFixtures.standard());
    }

    /** A base image with {@code count} benchmark packages installed, as {@code slipway-fixture/rpm-base:bench-N}. */
    public BaseImage benchmark(int count) {
        return build("slipway-fixture/rpm-base:bench-" + count, rpmFixtures.benchmark(count));
    }

    /** Builds (or finds) the image {@code reference} ({@code name:tag}) with exactly these packages installed. */
    public synchronized BaseImage build(String reference, List<BuiltRpm> rpms) {
        int slash = reference.lastIndexOf('/');
        if (reference.indexOf(':', slash + 1) < 0 || reference.contains("@")) {
            throw new SlipwayException(ErrorCode.INVALID_IMAGE_REFERENCE, "A fixture image needs a name:tag"
                    + " reference, not '" + reference + "'");
        }
        Path busybox = BusyboxPackage.locate(cacheRoot);
        String content = contentHash(busybox, rpms);
        Path record = cacheRoot.resolve("images").resolve(FixtureFiles.sha256(reference).substring(0, 16));
        try {
            String existing = currentId(reference);
            if (existing != null && Files.isRegularFile(record)
                    && Files.readString(record).equals(content + " " + existing)) {
                return new BaseImage(reference, existing, rpms);
            }
            String id = importImage(reference, busybox, rpms);
            Files.createDirectories(record.getParent());
            Files.writeString(record, content + " " + id);
            return new BaseImage(reference, id, rpms);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "Tried to build the fixture image " + reference + " but "
                    + e, e);
        }
    }

    /** Removes the image's tag from the engine (the layer goes once nothing else uses it). */
    public void remove(BaseImage image) {
        Command.of(DOCKER, "image", "rm", image.reference()).timeout(TIMEOUT).output();
    }

    private String importImage(String reference, Path busybox, List<BuiltRpm> rpms) throws IOException {
        Files.createDirectories(cacheRoot);
        Path scratch = Files.createTempDirectory(cacheRoot, "image-");
        try {
            Path root = Files.createDirectory(scratch.resolve("root"));
            new RpmRootFilesystem(root).assemble(busybox, rpms);
            Path tar = scratch.resolve("root.tar");
            Command.of("tar", "-C", root.toString(), "--numeric-owner", "-cf", tar.toString(), ".").timeout(TIMEOUT)
                    .output();
            Command.of(DOCKER, "import", "-c", "ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin", "-c", "CMD [\"/bin/sh\"]",
                    tar.toString(), reference).timeout(TIMEOUT).output();
            // The id comes from inspecting the reference, not from import's output text.
            String id = currentId(reference);
            if (id == null) {
                throw new SlipwayException(ErrorCode.INTERNAL, "Imported " + reference + " but the engine does not"
                        + " know that reference afterwards");
            }
            return id;
        } finally {
            FixtureFiles.deleteTree(scratch);
        }
    }

    /** The id the engine has under {@code reference}, or null when it has none. */
    private static String currentId(String reference) {
        try {
            return Command.of(DOCKER, "image", "inspect", "--format", "{{.Id}}", reference).timeout(TIMEOUT).output()
                    .strip();
        } catch (SlipwayException e) {
            if (e.getMessage().contains("No such image")) {
                return null;
            }
            throw e;
        }
    }

    private static String contentHash(Path busybox, List<BuiltRpm> rpms) {
        StringBuilder key = new StringBuilder(RECIPE).append('\n').append(busybox.getFileName()).append('\n')
                .append(FixtureFiles.sha256(Path.of("/usr/bin/rpm"))).append('\n');
        rpms.forEach(r -> key.append(r.file().getFileName()).append(' ').append(FixtureFiles.sha256(r.file()))
                .append('\n'));
        return FixtureFiles.sha256(key.toString());
    }
}
