package dev.slipway.release.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the mirror build directory ({@code <root>/<name>/<version>-<release>/<arch>/}) of a manifest digest: the one
 * whose Koji metadata lists it in an output's {@code extra.docker.digests}.
 */
final class MirrorBuilds {
    /** name may hold slashes (e.g. {@code slipway/hello}), so look a few levels deep. */
    private static final int MAX_DEPTH = 8;

    private MirrorBuilds() {
    }

    static Optional<Path> find(Path root, Digest digest, ObjectMapper json) {
        List<Path> metadata;
        try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
            metadata = files.filter(p -> p.getFileName().toString().equals("metadata.json")).sorted().toList();
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PROMOTION_MIRROR_NOT_FOUND,
                    "Tried to look for the build of " + digest + " below the mirror " + root + " but " + e, e);
        }
        for (Path file : metadata) {
            if (lists(file, digest, json)) {
                return Optional.of(file.getParent());
            }
        }
        return Optional.empty();
    }

    private static boolean lists(Path metadata, Digest digest, ObjectMapper json) {
        try {
            for (JsonNode output : json.readTree(metadata.toFile()).path("output")) {
                for (Iterator<JsonNode> it = output.path("extra").path("docker").path("digests").elements();
                        it.hasNext(); ) {
                    if (digest.toString().equals(it.next().asText())) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return false; // not Koji metadata of ours: not the build we look for
        }
    }
}
