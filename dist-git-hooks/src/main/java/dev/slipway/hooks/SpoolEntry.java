package dev.slipway.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A pending request whose lock this process holds (an exclusive {@link FileChannel} lock on its file), so no other
 * flusher submits it meanwhile. The file is read through the locked channel: opening and closing it another way
 * would drop the lock (POSIX record locks belong to the process and end with any close of the file).
 */
final class SpoolEntry implements AutoCloseable {
    /** A refused request and the reason the hub gave. */
    record Refused(BuildRequest request, String reason) {
    }

    private final Spool spool;
    private final Path file;
    private final FileChannel channel;
    private final ObjectMapper json;

    SpoolEntry(Spool spool, Path file, FileChannel channel, ObjectMapper json) {
        this.spool = spool;
        this.file = file;
        this.channel = channel;
        this.json = json;
    }

    /** The spooled request. */
    BuildRequest request() {
        try {
            channel.position(0);
            InputStream in = Channels.newInputStream(channel);
            return json.readValue(in.readAllBytes(), BuildRequest.class);
        } catch (IOException e) {
            throw Spool.failed("read the spooled request " + file, e);
        }
    }

    /** The hub has the task: the request leaves the spool. */
    void done() {
        try {
            spool.remove(file);
        } catch (IOException e) {
            throw Spool.failed("remove the submitted request " + file, e);
        }
    }

    /** The hub refused the request: it moves to refused/ with the reason, not to be retried by flushes. */
    void refuse(String reason) {
        try {
            spool.refuse(file, reason);
        } catch (IOException e) {
            throw Spool.failed("move the refused request " + file + " to refused/", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing releases the lock; nothing was written through the channel
        }
    }
}
