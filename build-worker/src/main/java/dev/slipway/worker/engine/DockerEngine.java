package dev.slipway.worker.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.json.Json;
import dev.slipway.worker.config.EngineConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The Docker Engine through docker-java: one httpclient5 transport with connect and response timeouts, API 1.41
 * (Debian's engine 20.10 refuses newer clients). The only class that imports docker-java. The image export of
 * an engine on a unix socket is read, and its image build run, through {@link EngineStreams} instead, which is
 * faster for those two streams.
 */
public final class DockerEngine implements ImageEngine {
    private static final String API_VERSION = "1.41";
    private final DockerClient client;
    private final String host;
    private final Duration responseTimeout;
    /** The image export on the JDK's unix socket channel (see {@link EngineStreams}); null for a TCP engine. */
    private final EngineStreams streams;
    /** What {@link #info()} last learned; asked again when the engine's version changes. */
    private volatile EngineInfo identity;

    public DockerEngine(EngineConfig config) {
        this.host = config.host();
        this.responseTimeout = config.responseTimeout();
        DefaultDockerClientConfig clientConfig = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(config.host())
                .withApiVersion(API_VERSION)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(config.host()))
                .connectionTimeout(config.connectTimeout())
                .responseTimeout(config.responseTimeout())
                .maxConnections(32)
                .build();
        this.client = DockerClientImpl.getInstance(clientConfig, http);
        Path socket = EngineStreams.unixSocket(config.host());
        this.streams = socket == null ? null : new EngineStreams(socket, config.responseTimeout(), Json.mapper());
    }

    /**
     * The engine's version asked every time (its cheap {@code /version}: the build records it), the rest (arch, OS
     * and host name from the slower {@code /info}, which counts images and containers) asked again only when the
     * version changed, that is after the engine was restarted.
     */
    @Override
    public EngineInfo info() {
        try {
            EngineVersion version = version();
            EngineInfo last = identity;
            if (last == null || !last.engineVersion().equals(version.engine())
                    || !last.apiVersion().equals(version.api())) {
                Info info = client.infoCmd().exec();
                last = new EngineInfo(info.getArchitecture(), info.getOsType(), version.engine(), version.api(),
                        info.getName());
                identity = last;
            }
            return last;
        } catch (RuntimeException e) {
            throw unreachable("ask the engine for its info", e);
        }
    }

    private record EngineVersion(String engine, String api) {
    }

    /** The engine's version and API version: on a unix socket through {@link EngineStreams} (no client overhead). */
    private EngineVersion version() {
        if (streams == null) {
            Version version = client.versionCmd().exec();
            return new EngineVersion(version.getVersion(), version.getApiVersion());
        }
        try (InputStream answer = streams.get("/v" + API_VERSION + "/version", "ask the engine for its version")) {
            JsonNode version = Json.mapper().readTree(answer);
            return new EngineVersion(version.path("Version").asText(), version.path("ApiVersion").asText());
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.ENGINE_ERROR, "The engine's version answer is unreadable: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while asking the engine for its version", e);
        }
    }

    /**
     * On a unix-socket engine, {@code POST /build} over {@link EngineStreams}: the context streamed as a plain tar
     * ({@link BuildContextTar}) and the answer read as it arrives ({@link BuildMessages}), its {@code aux.ID} the
     * image id. docker-java gzips the whole context into a temporary file first (1.7 s more than the CLI for a
     * 64 MiB context on the benchmark machine); a TCP engine still builds through docker-java.
     */
    @Override
    public String build(BuildSpec spec, Consumer<String> log) throws InterruptedException {
        if (streams == null) {
            return buildThroughDockerJava(spec, log);
        }
        BuildContextTar context = new BuildContextTar(spec.context(), spec.dockerfile());
        String what = "build " + spec.tag();
        BuildMessages.Outcome outcome;
        try (InputStream answer = streams.post("/v" + API_VERSION + "/build?" + buildQuery(spec,
                context.dockerfileName()), "application/x-tar", context::writeTo, what,
                ErrorCode.ENGINE_BUILD_FAILED)) {
            outcome = new BuildMessages(Json.mapper(), log).read(answer);
        } catch (SocketTimeoutException e) {
            throw new SlipwayException(ErrorCode.ENGINE_TIMEOUT, "Tried to " + what + " but the Docker Engine sent"
                    + " nothing for " + responseTimeout.toSeconds() + " s", e);
        } catch (InterruptedIOException e) {
            throw new InterruptedException("interrupted while waiting to " + what);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.ENGINE_UNREACHABLE, "Tried to " + what + " through the Docker Engine"
                    + " at " + host + " but the connection failed while it was building: " + e.getMessage(), e);
        }
        if (outcome.error() != null) {
            throw new SlipwayException(ErrorCode.ENGINE_BUILD_FAILED, "Building " + spec.tag() + " failed: "
                    + outcome.error());
        }
        if (outcome.imageId() != null) {
            return outcome.imageId();
        }
        return imageId(spec.tag()).orElseThrow(() -> new SlipwayException(ErrorCode.ENGINE_BUILD_FAILED,
                "The engine reported success but has no image tagged " + spec.tag()));
    }

    /** The query of {@code POST /build} (API 1.41): the CLI's parameters for a build without cache reuse rules. */
    static String buildQuery(BuildSpec spec, String dockerfileName) {
        StringBuilder query = new StringBuilder()
                .append("t=").append(URLEncoder.encode(spec.tag(), StandardCharsets.UTF_8))
                .append("&dockerfile=").append(URLEncoder.encode(dockerfileName, StandardCharsets.UTF_8))
                .append("&nocache=").append(spec.noCache() ? 1 : 0)
                .append("&pull=0&rm=1&forcerm=1");
        if (!spec.buildArgs().isEmpty()) {
            String args;
            try {
                args = Json.mapper().writeValueAsString(new TreeMap<>(spec.buildArgs()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a map of strings always serialises", e);
            }
            query.append("&buildargs=").append(URLEncoder.encode(args, StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    /** The build through docker-java, what a TCP engine uses (package-private so the IT can compare both). */
    String buildThroughDockerJava(BuildSpec spec, Consumer<String> log) throws InterruptedException {
        BuildOutput output = new BuildOutput(log);
        try (var cmd = client.buildImageCmd()
                .withBaseDirectory(spec.context().toFile())
                .withDockerfile(spec.dockerfile().toFile())
                .withTags(Set.of(spec.tag()))
                .withNoCache(spec.noCache())
                .withPull(false)
                .withRemove(true)
                .withForcerm(true)) {
            spec.buildArgs().forEach(cmd::withBuildArg);
            cmd.exec(output);
            output.awaitCompletion();
        } catch (InterruptedException e) {
            output.abandon();
            throw e;
        } catch (DockerClientException | DockerException e) {
            throw new SlipwayException(ErrorCode.ENGINE_BUILD_FAILED,
                    "The engine failed to build " + spec.tag() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw unreachable("build " + spec.tag(), e);
        }
        output.throwIfFailed(spec.tag());
        return imageId(spec.tag()).orElseThrow(() -> new SlipwayException(ErrorCode.ENGINE_BUILD_FAILED,
                "The engine reported success but has no image tagged " + spec.tag()));
    }

    @Override
    public Optional<String> imageId(String reference) {
        try {
            return Optional.of(client.inspectImageCmd(reference).exec().getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw unreachable("inspect image " + reference, e);
        }
    }

    @Override
    public InputStream save(String reference) throws InterruptedException {
        if (streams != null) {
            return streams.get("/v" + API_VERSION + "/images/" + pathSegment(reference) + "/get",
                    "save image " + reference);
        }
        try {
            return client.saveImageCmd(reference).exec();
        } catch (RuntimeException e) {
            throw new SlipwayException(ErrorCode.ENGINE_ERROR, "Tried to save image " + reference
                    + " from the engine: " + e.getMessage(), e);
        }
    }

    @Override
    public void removeImage(String reference) {
        try {
            client.removeImageCmd(reference).withForce(true).exec();
        } catch (NotFoundException e) {
            // Already gone: nothing to clean.
        }
    }

    @Override
    public void close() {
        if (streams != null) {
            streams.close();
        }
        try {
            client.close();
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.ENGINE_ERROR, "Closing the engine connection failed", e);
        }
    }

    /**
     * A reference as one path segment of the engine's API: its own {@code /} and {@code :} stay (the engine's router
     * takes the rest of the path as the name), everything else outside RFC 3986's unreserved set is percent-encoded.
     */
    static String pathSegment(String reference) {
        StringBuilder sb = new StringBuilder();
        for (byte b : reference.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/:@".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private SlipwayException unreachable(String what, RuntimeException e) {
        return new SlipwayException(ErrorCode.ENGINE_UNREACHABLE, "Tried to " + what + " through the Docker Engine at "
                + host + " but it failed: " + e.getMessage(), e);
    }

    /** Collects the build stream: every line to the log, the first errorDetail kept as the failure. */
    private static final class BuildOutput extends ResultCallback.Adapter<BuildResponseItem> {
        private final Consumer<String> log;
        private volatile String error;

        BuildOutput(Consumer<String> log) {
            this.log = log;
        }

        @Override
        public void onNext(BuildResponseItem item) {
            if (item.getStream() != null) {
                item.getStream().lines().forEach(log);
            }
            if (item.getStatus() != null) {
                log.accept(item.getStatus());
            }
            if (item.getErrorDetail() != null && error == null) {
                error = item.getErrorDetail().getMessage();
                log.accept("ERROR: " + error);
            } else if (item.getError() != null && error == null) {
                error = item.getError();
                log.accept("ERROR: " + error);
            }
        }

        void abandon() {
            try {
                close();
            } catch (IOException e) {
                // The stream is being torn down because of a cancel; a close failure changes nothing.
            }
        }

        void throwIfFailed(String tag) {
            if (error != null) {
                throw new SlipwayException(ErrorCode.ENGINE_BUILD_FAILED, "Building " + tag + " failed: " + error);
            }
        }
    }
}
