package dev.slipway.worker.contents;

import dev.slipway.common.json.Json;
import dev.slipway.worker.image.DockerArchiveReader;
import dev.slipway.worker.image.SavedImage;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Saves an image with the docker CLI and unpacks it as the worker's save step does: its layer tars, lowest first. */
final class SavedLayers {
    private SavedLayers() {
    }

    static List<Path> save(String reference, Path directory) throws Exception {
        Files.createDirectories(directory);
        Process save = new ProcessBuilder("/usr/bin/docker", "save", reference)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        SavedImage image;
        try (InputStream in = save.getInputStream()) {
            image = new DockerArchiveReader(Json.mapper()).read(in, directory.resolve("unpacked"),
                    directory.resolve("docker-image.tar"));
        }
        if (!save.waitFor(120, TimeUnit.SECONDS) || save.exitValue() != 0) {
            throw new IllegalStateException("docker save " + reference + " failed");
        }
        return image.layerTars();
    }
}
