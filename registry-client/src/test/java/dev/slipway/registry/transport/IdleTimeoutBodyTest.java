package dev.slipway.registry.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdleTimeoutBodyTest {
    private final AtomicLong requested = new AtomicLong();
    private final AtomicBoolean canceled = new AtomicBoolean();

    private HttpResponse.BodySubscriber<InputStream> subscribed(Duration idle) {
        HttpResponse.BodySubscriber<InputStream> body = IdleTimeoutBody.handler(idle).apply(null);
        body.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                requested.addAndGet(n);
            }

            @Override
            public void cancel() {
                canceled.set(true);
            }
        });
        return body;
    }

    @Test
    void read_bytesThatKeepComing_areReadToTheEnd() throws Exception {
        HttpResponse.BodySubscriber<InputStream> body = subscribed(Duration.ofMillis(200));
        body.onNext(List.of(ByteBuffer.wrap("hello ".getBytes()), ByteBuffer.wrap("slow ".getBytes())));
        body.onNext(List.of(ByteBuffer.wrap("world".getBytes())));
        body.onComplete();

        try (InputStream in = body.getBody().toCompletableFuture().join()) {
            assertArrayEquals("hello slow world".getBytes(), in.readAllBytes());
        }
        assertTrue(requested.get() >= 2, "the next list is asked for as each one is used up");
    }

    @Test
    void read_silenceLongerThanTheTimeout_failsAsATimeoutAndCancels() {
        HttpResponse.BodySubscriber<InputStream> body = subscribed(Duration.ofMillis(100));
        body.onNext(List.of(ByteBuffer.wrap(new byte[10])));
        InputStream in = body.getBody().toCompletableFuture().join();

        HttpTimeoutException e = assertThrows(HttpTimeoutException.class, () -> in.readNBytes(20));
        assertTrue(e.getMessage().contains("no bytes of the answer arrived for 100 ms"), e.getMessage());
        assertTrue(canceled.get(), "the exchange is given up");
    }
}
