package dev.slipway.worker.pipeline;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The build log: every line (the engine's output included) goes to a file and to a listener as it is produced,
 * timestamped the way Koji task logs are.
 */
public final class BuildLog implements AutoCloseable {
    private final BufferedWriter file;
    private final Consumer<String> listener;
    private final Clock clock;
    private final Path path;

    public BuildLog(Path path, Consumer<String> listener, Clock clock) {
        this.path = path;
        this.listener = listener;
        this.clock = clock;
        try {
            this.file = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "Tried to open build log " + path + ": " + e.getMessage(), e);
        }
    }

    /** Appends one line; safe from several threads. */
    public synchronized void line(String text) {
        String stamped = clock.instant() + " " + text;
        try {
            file.write(stamped);
            file.newLine();
            file.flush();
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "Tried to write build log " + path + ": " + e.getMessage(), e);
        }
        listener.accept(stamped);
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "Tried to close build log " + path, e);
        }
    }
}
