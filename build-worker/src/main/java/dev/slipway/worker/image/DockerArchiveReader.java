package dev.slipway.worker.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.io.input.TeeInputStream;

/**
 * Unpacks a {@code docker save} stream (manifest.json, the config, one layer.tar per layer) into a directory,
 * and at the same time keeps the stream itself as the {@code docker load}-able archive, so the image is read from
 * the engine once. Compressing that archive for the mirror is left to the caller, off the critical path.
 */
public final class DockerArchiveReader {
    private final ObjectMapper json;

    public DockerArchiveReader(ObjectMapper json) {
        this.json = json;
    }

    public SavedImage read(InputStream dockerSave, Path directory, Path archive) {
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(archive), 1 << 16);
                InputStream tee = new TeeInputStream(dockerSave, raw, true);
                TarArchiveInputStream tar = new TarArchiveInputStream(tee)) {
            Files.createDirectories(directory);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new SlipwayException(ErrorCode.ENGINE_ERROR,
                            "docker save produced an entry outside its archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                }
            }
            // Read past the tar's end-of-archive (record padding and all) so the archive copy is byte for byte.
            tee.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.ENGINE_ERROR, "Tried to read the image saved by the engine: "
                    + e.getMessage(), e);
        }
        return parse(directory, archive);
    }

    private SavedImage parse(Path directory, Path archive) {
        try {
            JsonNode manifest = json.readTree(directory.resolve("manifest.json").toFile());
            if (!manifest.isArray() || manifest.size() != 1) {
                throw new SlipwayException(ErrorCode.ENGINE_ERROR,
                        "docker save produced " + manifest.size() + " images; expected exactly one");
            }
            JsonNode image = manifest.get(0);
            byte[] config = Files.readAllBytes(inside(directory, image.path("Config").asText()));
            List<Path> layers = new ArrayList<>();
            for (JsonNode layer : image.path("Layers")) {
                layers.add(inside(directory, layer.asText()));
            }
            return new SavedImage(config, layers, archive);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.ENGINE_ERROR, "The engine's saved image is unreadable: "
                    + e.getMessage(), e);
        }
    }

    private static Path inside(Path directory, String name) {
        Path p = directory.resolve(name).normalize();
        if (!p.startsWith(directory) || !Files.isRegularFile(p)) {
            throw new SlipwayException(ErrorCode.ENGINE_ERROR, "docker save manifest names a missing file: " + name);
        }
        return p;
    }
}
