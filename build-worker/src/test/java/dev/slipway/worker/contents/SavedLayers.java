package dev.slipway.worker.contents;

import dev.slipway.common.json.Json;
import dev.slipway.common.process.Command;
import dev.slipway.worker.image.DockerArchiveReader;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Saves an image with the docker CLI and unpacks it as the worker's save step does: its layer tars, lowest first. */
final class SavedLayers {
    private SavedLayers() {
    }

    static List<Path> save(String reference, Path directory) throws Exception {
        Files.createDirectories(directory);
        Path saved = directory.resolve("docker-save.tar");
        Command.of("/usr/bin/docker", "save", "-o", saved.toString(), reference).timeout(Duration.ofMinutes(2))
                .check();
        ExecutorService compressors = Executors.newFixedThreadPool(2);
        try (InputStream in = Files.newInputStream(saved)) {
            return new DockerArchiveReader(Json.mapper(), compressors).read(in, directory.resolve("unpacked"))
                    .layerTars();
        } finally {
            compressors.shutdownNow();
        }
    }
}
