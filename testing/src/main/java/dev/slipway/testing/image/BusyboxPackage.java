package dev.slipway.testing.image;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.process.Command;
import dev.slipway.testing.rpm.FixtureFiles;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's dynamically linked {@code busybox} package, fetched once with {@code apt-get download} into the fixture
 * cache. The dynamic build matters: busybox-static's shell runs its own rpm applet instead of {@code /usr/bin/rpm}.
 */
final class BusyboxPackage {
    private BusyboxPackage() {
    }

    static Path locate(Path cacheRoot) {
        Path debs = cacheRoot.resolve("debs");
        try {
            Optional<Path> cached = find(debs);
            if (cached.isPresent()) {
                return cached.get();
            }
            Files.createDirectories(debs);
            Path scratch = Files.createTempDirectory(debs, "download-");
            try {
                Command.of("apt-get", "download", "busybox").in(scratch).timeout(Duration.ofMinutes(5)).output();
                Path deb = find(scratch).orElseThrow(() -> new SlipwayException(ErrorCode.INTERNAL,
                        "Tried 'apt-get download busybox' but it left no busybox_*.deb in " + scratch));
                try {
                    Files.move(deb, debs.resolve(deb.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    // Another run downloaded the same file first.
                }
            } finally {
                FixtureFiles.deleteTree(scratch);
            }
            return find(debs).orElseThrow();
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "Tried to provide the busybox package in " + debs
                    + " but " + e, e);
        }
    }

    private static Optional<Path> find(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("busybox_[^/]*\\.deb"))
                    .sorted()
                    .reduce((first, second) -> second);
        }
    }
}
