package dev.slipway.hub.http;

import dev.slipway.common.api.BuildInfo;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.build.BuildQueries;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Read-only downloads of a build's files from its mirror directory (metadata.json, rpm-manifest.json, CHECKSUM,
 * sbom/..., attestations/...), for {@code slipway download} and the console. The hub reads the directory the worker
 * reported, so it serves files only where the mirror storage is shared with it (as Koji's /mnt/koji is); the
 * image layout ({@code oci/}) is left to the registry. Paths stay inside the directory: no {@code ..}, no absolute
 * paths, no symbolic links.
 */
final class BuildFiles {
    /** The largest file served (metadata, SBOMs and attestations are far smaller). */
    static final long MAX_BYTES = 64L << 20;
    private final BuildQueries builds;
    private final WorkerExecutor workers;

    BuildFiles(BuildQueries builds, WorkerExecutor workers) {
        this.builds = builds;
        this.workers = workers;
    }

    /** {@code GET /builds/{b}/files}: {@code [{path, size}]}, sorted by path. */
    Object list(Call c) {
        c.query();
        Path dir = directory(c.path("build"));
        List<Map<String, Object>> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                String rel = dir.relativize(p).toString();
                if (!rel.equals("oci") && !rel.startsWith("oci/") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(Map.of("path", rel, "size", Files.size(p)));
                }
            }
        } catch (IOException e) {
            throw unreadable(dir, e);
        }
        return files;
    }

    /** {@code GET /builds/{b}/file?path=sbom/x.json}: the file's bytes. */
    Future<?> file(Call c) {
        String rel = c.query("path").text("path");
        return workers.executeBlocking(() -> read(c.path("build"), rel), false).map(bytes -> {
            c.context().response().putHeader("Content-Type", rel.endsWith(".json") ? "application/json"
                    : "application/octet-stream").end(Buffer.buffer(bytes));
            return bytes.length;
        });
    }

    private byte[] read(String build, String rel) {
        if (rel == null || rel.isEmpty() || rel.startsWith("/") || rel.contains("\\")
                || Stream.of(rel.split("/")).anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))
                || rel.equals("oci") || rel.startsWith("oci/")) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "path must name a file of the build's directory "
                    + "as GET /builds/{b}/files lists it, e.g. metadata.json");
        }
        Path dir = directory(build);
        Path file = dir.resolve(rel);
        try {
            for (Path p = file; !p.equals(dir); p = p.getParent()) {
                if (Files.isSymbolicLink(p)) {
                    throw missing(build, rel);
                }
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw missing(build, rel);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new SlipwayException(ErrorCode.REQUEST_TOO_LARGE, rel + " of build " + build + " is larger than "
                        + MAX_BYTES + " bytes; copy it from the mirror directly");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(dir, e);
        }
    }

    private Path directory(String build) {
        BuildInfo b = builds.get(build);
        if (b.mirror() == null || !Files.isDirectory(Path.of(b.mirror()), LinkOption.NOFOLLOW_LINKS)) {
            throw new SlipwayException(ErrorCode.NOT_FOUND, "Build " + b.nvr() + " has no mirror directory the hub "
                    + "can read" + (b.mirror() == null ? "" : " (" + b.mirror() + " is not shared with the hub)"));
        }
        return Path.of(b.mirror());
    }

    private static SlipwayException missing(String build, String rel) {
        return new SlipwayException(ErrorCode.NOT_FOUND, "Build " + build + " has no file " + rel);
    }

    private static SlipwayException unreadable(Path dir, IOException e) {
        return new SlipwayException(ErrorCode.NOT_FOUND, "The hub could not read " + dir + ": " + e.getMessage(), e);
    }
}
