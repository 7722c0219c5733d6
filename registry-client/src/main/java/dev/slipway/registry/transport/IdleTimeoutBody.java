package dev.slipway.registry.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read as an {@link InputStream} whose every read waits at most {@code idle} for the next bytes.
 * The JDK's {@code BodyHandlers.ofInputStream()} blocks forever once the headers have arrived, so a registry that
 * stops sending a blob mid-way would hang its reader; here the read fails with {@link HttpTimeoutException} (which
 * the caller reports as REGISTRY_TIMEOUT). Only silence counts: a large blob that keeps moving, however slowly,
 * is read to the end.
 */
final class IdleTimeoutBody implements HttpResponse.BodySubscriber<InputStream> {
    private static final Object END = new Object();
    private final LinkedBlockingQueue<Object> items = new LinkedBlockingQueue<>();
    private final CompletableFuture<InputStream> body = new CompletableFuture<>();
    private final long idleNanos;
    private volatile Flow.Subscription subscription;

    private IdleTimeoutBody(Duration idle) {
        this.idleNanos = idle.toNanos();
    }

    /** A body handler whose bodies fail a read after {@code idle} without bytes. */
    static HttpResponse.BodyHandler<InputStream> handler(Duration idle) {
        Objects.requireNonNull(idle, "idle");
        return info -> new IdleTimeoutBody(idle);
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        body.complete(new Stream());
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        items.add(buffers);
    }

    @Override
    public void onError(Throwable failure) {
        items.add(failure);
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        items.add(END);
    }

    /** The reader's side: one list of buffers at a time, the next one asked for only when this one is used up. */
    private final class Stream extends InputStream {
        private Iterator<ByteBuffer> current = List.<ByteBuffer>of().iterator();
        private ByteBuffer buffer;
        private boolean ended;
        private boolean closed;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (!next()) {
                return -1;
            }
            int n = Math.min(len, buffer.remaining());
            buffer.get(b, off, n);
            return n;
        }

        /** Makes {@code buffer} hold bytes, waiting for the next list if need be; false at the end. */
        private boolean next() throws IOException {
            while (buffer == null || !buffer.hasRemaining()) {
                if (current.hasNext()) {
                    buffer = current.next();
                    continue;
                }
                if (ended) {
                    return false;
                }
                if (closed) {
                    throw new IOException("The response body was closed");
                }
                current = take().iterator();
            }
            return true;
        }

        @SuppressWarnings("unchecked")
        private List<ByteBuffer> take() throws IOException {
            Object item;
            try {
                item = items.poll(idleNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while reading the response body", e);
            }
            if (item == null) {
                close();
                throw new HttpTimeoutException("no bytes of the answer arrived for "
                        + TimeUnit.NANOSECONDS.toMillis(idleNanos) + " ms");
            }
            if (item instanceof Throwable t) {
                ended = true;
                throw t instanceof IOException io ? io : new IOException(t);
            }
            if (item == END) {
                ended = true;
                return List.of();
            }
            subscription.request(1);
            return (List<ByteBuffer>) item;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (!ended) {
                    // An unread rest is dropped: the connection is not reused for it.
                    subscription.cancel();
                }
            }
        }
    }
}
