package dev.slipway.worker.engine;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port to the container engine. Only {@link DockerEngine} talks to docker-java; everything else sees this.
 * Cancellation is by interrupting the calling thread: the engine call is abandoned and the engine told to stop.
 */
public interface ImageEngine extends AutoCloseable {

    /** What the engine runs on: Koji arch (x86_64...), OS, engine version and host name. */
    EngineInfo info();

    /**
     * Builds the context with its Dockerfile, tags the result with {@code tag}, streams every engine output line
     * to {@code log}, and returns the image id from the engine's {@code aux.ID} message or from inspecting the tag
     * (never from log text). Interrupting the calling thread closes the connection, which stops the engine's build.
     *
     * @throws dev.slipway.common.error.SlipwayException ENGINE_BUILD_FAILED with the engine's own message,
     *     BUILD_CONTEXT_INVALID when the context cannot be read or its {@code .dockerignore} is invalid
     */
    String build(BuildSpec spec, Consumer<String> log) throws InterruptedException;

    /** The image id a reference names, if the engine has it. */
    Optional<String> imageId(String reference);

    /**
     * {@code docker save} of one image as a tar stream; the caller closes it.
     *
     * @throws InterruptedException when the calling thread is interrupted while the engine prepares the export
     */
    InputStream save(String reference) throws InterruptedException;

    /** Removes an image reference (tag or id); absent images are not an error. */
    void removeImage(String reference);

    @Override
    void close();

    /** What to build. */
    record BuildSpec(Path context, Path dockerfile, String tag, boolean noCache, Map<String, String> buildArgs) {
        public BuildSpec {
            buildArgs = Map.copyOf(buildArgs);
        }
    }

    /** Facts about the engine recorded in build metadata (Koji buildroot host and tools). */
    record EngineInfo(String arch, String os, String engineVersion, String apiVersion, String hostName) {
    }
}
