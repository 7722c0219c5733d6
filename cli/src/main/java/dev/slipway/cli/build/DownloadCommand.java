package dev.slipway.cli.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.JsonOut;
import dev.slipway.cli.hub.Query;
import dev.slipway.cli.hub.Verb;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.HubClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slipway download NVR|ID}: everything the hub serves about a build, into a directory: {@code build.json}
 * (the record), {@code build.log}, {@code rpms-<arch>.json} (the hub's RPM components per image) and the files of
 * its mirror directory (metadata.json, rpm-manifest.json, CHECKSUM, sbom/, attestations/ with the provenance) when
 * the hub can read them.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download a build's record, log, RPM manifest, metadata, SBOMs and provenance into a directory.")
public final class DownloadCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Parameters(index = "0", paramLabel = "NVR|ID", description = "The build")
    String build;

    @Option(names = {"-d", "--dir"}, description = "Directory to write into (default: ./<NVR>)")
    Path dir;

    @Option(names = "--json", description = "Print {build, nvr, dir, files: [{path, size}], missing: [why]}")
    boolean asJson;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Verb.run(spec.commandLine().getErr(), () -> {
            HubClient api = hub.api();
            JsonNode b = api.get("/api/v1/builds/" + Query.segment(build));
            String nvr = b.path("nvr").asText();
            Path into = dir != null ? dir : Path.of(nvr);
            Files.createDirectories(into);
            List<Map<String, Object>> written = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            String id = b.path("id").asText();
            write(into, "build.json", b.toPrettyString().getBytes(StandardCharsets.UTF_8), written);
            copy(api, "/api/v1/builds/" + id + "/log", into, "build.log", written);
            for (JsonNode image : b.path("images")) {
                JsonNode rpms = api.get("/api/v1/images/" + image.path("id").asText() + "/rpms");
                write(into, "rpms-" + image.path("arch").asText() + ".json",
                        rpms.toPrettyString().getBytes(StandardCharsets.UTF_8), written);
            }
            try {
                for (JsonNode f : api.get("/api/v1/builds/" + id + "/files")) {
                    String rel = f.path("path").asText();
                    if (written.stream().anyMatch(w -> rel.equals(w.get("path")))) {
                        continue; // the hub's own copy (its task log) is the complete one
                    }
                    try {
                        copy(api, "/api/v1/builds/" + id + "/file?" + new Query().add("path", rel), into, rel,
                                written);
                    } catch (SlipwayException e) {
                        if (e.code() != ErrorCode.REQUEST_TOO_LARGE) {
                            throw e;
                        }
                        missing.add(rel + ": " + e.getMessage());
                    }
                }
            } catch (SlipwayException e) {
                if (e.code() != ErrorCode.NOT_FOUND) {
                    throw e;
                }
                missing.add("mirror files (metadata, SBOMs, provenance): " + e.getMessage());
            }
            if (asJson) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("build", b.path("id").asLong());
                doc.put("nvr", nvr);
                doc.put("dir", into.toAbsolutePath().toString());
                doc.put("files", written);
                doc.put("missing", missing);
                return JsonOut.print(out, doc);
            }
            written.forEach(w -> out.println("wrote " + into.resolve((String) w.get("path")) + " (" + w.get("size")
                    + " bytes)"));
            missing.forEach(m -> out.println("not downloaded: " + m));
            return 0;
        });
    }

    private static void copy(HubClient api, String path, Path into, String rel, List<Map<String, Object>> written)
            throws IOException {
        Path target = target(into, rel);
        try (InputStream in = api.stream(path)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        written.add(Map.of("path", rel, "size", Files.size(target)));
    }

    private static void write(Path into, String rel, byte[] bytes, List<Map<String, Object>> written)
            throws IOException {
        Files.write(target(into, rel), bytes);
        written.add(Map.of("path", rel, "size", (long) bytes.length));
    }

    /** Where a file the hub names goes; a name leading out of the directory is the hub misbehaving. */
    private static Path target(Path into, String rel) throws IOException {
        Path target = into.resolve(rel).normalize();
        if (!target.startsWith(into.normalize()) || target.equals(into.normalize())) {
            throw new SlipwayException(ErrorCode.HUB_PROTOCOL, "The hub named a file outside the download: " + rel);
        }
        Files.createDirectories(target.getParent());
        return target;
    }
}
