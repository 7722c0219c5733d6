package dev.slipway.worker.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The engine's large streaming answers (the image export) read over the JDK's own unix-domain socket channel with a
 * minimal HTTP/1.1 client: one request per connection, chunked or sized bodies, an idle timeout on every wait. It
 * exists for speed: docker-java's httpclient5 transport hands a {@code docker save} stream over in 16 KiB reads
 * through several layers of buffering, about 1.5 times slower than draining the socket itself (19.1 s against
 * 12.5 s for a 1 GiB image on the benchmark machine); every other call stays on docker-java.
 */
final class EngineStreams implements AutoCloseable {
    /** Enough for the header section of any engine answer; a longer one is not the engine. */
    private static final int MAX_HEADER = 64 * 1024;
    private static final int BUFFER = 256 * 1024;

    private final Path socket;
    private final Duration idle;
    private final ObjectMapper json;
    /** One daemon thread that ends stuck calls (see {@link IdleTimeoutChannel}); stopped by {@link #close()}. */
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slipway-engine-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** {@code idle}: how long any wait for the engine (its answer, each read of the body) may take. */
    EngineStreams(Path socket, Duration idle, ObjectMapper json) {
        this.socket = socket;
        this.idle = idle;
        this.json = json;
    }

    /** The socket path of a {@code unix://} engine host, or null for any other kind of host. */
    static Path unixSocket(String host) {
        return host.startsWith("unix://") ? Path.of(host.substring("unix://".length())) : null;
    }

    /** A request body, written straight onto the connection in chunked transfer coding. */
    interface RequestBody {
        /** Writes the whole body to {@code out}; must not close it. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * GET {@code path} (already percent-encoded, with the API version) and the body of a 200 answer; the caller
     * closes it, which closes the connection. {@code what} names the call in error messages.
     *
     * @throws SlipwayException ENGINE_UNREACHABLE when the socket refuses or drops the connection, ENGINE_TIMEOUT
     *     when the engine does not answer within the idle timeout, ENGINE_ERROR with the engine's own message for
     *     any answer but 200
     */
    InputStream get(String path, String what) throws InterruptedException {
        return exchange("GET", path, null, null, what, ErrorCode.ENGINE_ERROR);
    }

    /**
     * POST {@code path} with {@code body} streamed as it is written (chunked, so nothing is staged in memory or on
     * disk), then the body of a 200 answer as {@link #get} returns it. Interrupting the calling thread while the body
     * is written or the answer awaited closes the connection, which is how the engine learns to stop.
     *
     * @throws SlipwayException as {@link #get}, but with {@code refused} as the code of an answer other than 200
     */
    InputStream post(String path, String contentType, RequestBody body, String what, ErrorCode refused)
            throws InterruptedException {
        return exchange("POST", path, contentType, body, what, refused);
    }

    private InputStream exchange(String method, String path, String contentType, RequestBody requestBody, String what,
            ErrorCode refused) throws InterruptedException {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.ENGINE_UNREACHABLE, "Tried to " + what + " through the Docker Engine"
                    + " at unix://" + socket + " but could not connect: " + e.getMessage(), e);
        }
        IdleTimeoutChannel connection = null;
        try {
            connection = new IdleTimeoutChannel(channel, idle, watchdog);
            String head = method + " " + path + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: slipway-worker\r\n"
                    + (requestBody == null ? "" : "Content-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n")
                    + "Connection: close\r\n\r\n";
            connection.writeFully(head.getBytes(StandardCharsets.US_ASCII));
            IOException sendFailure = null;
            if (requestBody != null) {
                try {
                    // Not try-with-resources: a body that fails half-way must never be ended as if it were whole.
                    ChunkedUpload upload = new ChunkedUpload(connection, BUFFER);
                    requestBody.writeTo(upload);
                    upload.close();
                } catch (InterruptedIOException e) {
                    throw e;
                } catch (IOException e) {
                    sendFailure = e; // The engine may have answered early and closed: its answer says why.
                }
            }
            InputStream in = new BufferedInputStream(connection, BUFFER);
            int code;
            Map<String, String> headers;
            try {
                code = statusCode(line(in, new int[] {0}));
                headers = headers(in);
            } catch (IOException e) {
                if (sendFailure != null) {
                    sendFailure.addSuppressed(e);
                    throw sendFailure;
                }
                throw e;
            }
            InputStream body = body(in, headers);
            if (code != 200) {
                try (body) {
                    throw new SlipwayException(refused, "Tried to " + what + " but the Docker Engine answered " + code
                            + ": " + message(body));
                }
            }
            if (sendFailure != null) {
                throw sendFailure;
            }
            return body;
        } catch (InterruptedIOException e) {
            closeQuietly(connection, channel);
            if (e instanceof SocketTimeoutException) {
                throw new SlipwayException(ErrorCode.ENGINE_TIMEOUT, "Tried to " + what + " but the Docker Engine"
                        + " did not answer within " + idle.toSeconds() + " s", e);
            }
            Thread.currentThread().interrupt();
            throw new InterruptedException("interrupted while waiting to " + what);
        } catch (IOException e) {
            closeQuietly(connection, channel);
            throw new SlipwayException(ErrorCode.ENGINE_UNREACHABLE, "Tried to " + what + " through the Docker Engine"
                    + " at unix://" + socket + " but the connection failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection, channel);
            throw e;
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    private static int statusCode(String status) throws IOException {
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[0-9]{3}")) {
            throw new IOException("the engine did not answer in HTTP/1.1: \"" + status + "\"");
        }
        return Integer.parseInt(parts[1]);
    }

    /** Header fields by lower-case name (the engine sends each one once). */
    private static Map<String, String> headers(InputStream in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        int[] read = {0};
        String line;
        while (!(line = line(in, read)).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("the engine sent a malformed header line: \"" + line + "\"");
            }
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        return headers;
    }

    private static InputStream body(InputStream in, Map<String, String> headers) throws IOException {
        String coding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
        if (coding.equals("chunked")) {
            return new ChunkedBody(in);
        }
        if (!coding.isEmpty()) {
            throw new IOException("the engine answered with an unsupported transfer coding: " + coding);
        }
        String length = headers.get("content-length");
        if (length == null) {
            return in; // Connection: close, so the body ends with the connection.
        }
        if (!length.matches("[0-9]{1,18}")) {
            throw new IOException("the engine sent a malformed Content-Length: " + length);
        }
        return new SizedBody(in, Long.parseLong(length));
    }

    /** The engine's {@code {"message": ...}} error, or the body's first line when it is not JSON. */
    private String message(InputStream body) throws IOException {
        String text = new String(body.readNBytes(MAX_HEADER), StandardCharsets.UTF_8).strip();
        try {
            JsonNode node = json.readTree(text);
            if (node != null && node.hasNonNull("message")) {
                return node.get("message").asText();
            }
        } catch (IOException notJson) {
            // Fall through to the text itself.
        }
        return text.lines().findFirst().orElse("(no message)");
    }

    /** One header line without its CRLF; {@code read} counts the header section's bytes against its limit. */
    private static String line(InputStream in, int[] read) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the engine closed the connection before the end of its answer's header");
            }
            if (++read[0] > MAX_HEADER) {
                throw new IOException("the engine's answer has a header section over " + MAX_HEADER + " bytes");
            }
            if (b == '\n') {
                int end = sb.length();
                return end > 0 && sb.charAt(end - 1) == '\r' ? sb.substring(0, end - 1) : sb.toString();
            }
            sb.append((char) b);
        }
    }

    private static void closeQuietly(IdleTimeoutChannel connection, SocketChannel channel) {
        try {
            if (connection != null) {
                connection.close();
            } else {
                channel.close();
            }
        } catch (IOException e) {
            // The connection is being abandoned because of an earlier failure, which is what gets reported.
        }
    }

    /** A body of a known length: ending early is an {@link EOFException}, never a short answer. */
    private static final class SizedBody extends BulkInputStream {
        private final InputStream in;
        private long remaining;

        SizedBody(InputStream in, long length) {
            this.in = in;
            this.remaining = length;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(bytes, offset, (int) Math.min(length, remaining));
            if (n < 0) {
                throw new EOFException("the engine's answer ended " + remaining + " bytes early");
            }
            remaining -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
