package dev.slipway.hub.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load generator on Vert.x's non-blocking client, so the measuring side costs little CPU beside
 * the hub on a small machine: {@code clients} keep-alive connections, each sending its next request as soon as the
 * previous answer has arrived, for a number of requests or a time. Latency is from send to the last body byte.
 */
final class LoadGenerator implements AutoCloseable {
    /** One request: method, path (from the root), optional bearer token and JSON body. */
    record Request(HttpMethod method, String uri, String token, Buffer body) {
        static Request get(String uri) {
            return new Request(HttpMethod.GET, uri, null, null);
        }

        static Request post(String uri, String token, byte[] body) {
            return new Request(HttpMethod.POST, uri, token, Buffer.buffer(body));
        }
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final String host;
    private final int port;

    LoadGenerator(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Runs {@code clients} closed loops until {@code total} requests have been answered or {@code time} has passed
     * (whichever comes first; null means no limit of that kind). {@code next} gives client i's next request;
     * {@code onBody} sees every answer's body. An answer other than {@code status} fails the run.
     */
    Stats run(int clients, long total, Duration time, IntFunction<Request> next, int status,
            Consumer<Buffer> onBody) throws Exception {
        HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setDefaultHost(host).setDefaultPort(port), new PoolOptions().setHttp1MaxSize(clients));
        try {
            AtomicLong left = new AtomicLong(total <= 0 ? Long.MAX_VALUE : total);
            long deadline = time == null ? Long.MAX_VALUE : System.nanoTime() + time.toNanos();
            CountDownLatch done = new CountDownLatch(clients);
            CompletableFuture<Void> failed = new CompletableFuture<>();
            Loop[] loops = new Loop[clients];
            long start = System.nanoTime();
            long cpu0 = processCpuNanos();
            for (int c = 0; c < clients; c++) {
                loops[c] = new Loop(client, c, left, deadline, next, status, onBody, done, failed);
                loops[c].step();
            }
            while (!done.await(100, TimeUnit.MILLISECONDS)) {
                if (failed.isCompletedExceptionally()) {
                    failed.join();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = processCpuNanos() - cpu0;
            if (failed.isCompletedExceptionally()) {
                failed.join();
            }
            int n = 0;
            for (Loop l : loops) {
                n += l.count;
            }
            long[] all = new long[n];
            int at = 0;
            for (Loop l : loops) {
                System.arraycopy(l.latencies, 0, all, at, l.count);
                at += l.count;
            }
            return Stats.of(all, seconds, cpu);
        } finally {
            await(client.close());
        }
    }

    /**
     * What this machine allows right now: the same harness against a bare Vert.x server answering a small JSON
     * body from its event loop (no routing, no database), with the same event-loop count as the hub.
     */
    static Stats ceiling(int clients, Duration time, int eventLoops) throws Exception {
        Vertx server = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        try {
            Buffer answer = Buffer.buffer("{\"task_id\":1,\"method\":\"buildContainer\",\"state\":\"FREE\","
                    + "\"owner\":\"alice\",\"channel\":\"container\",\"arch\":\"noarch\",\"priority\":20}");
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            // One server per event loop on one port, as the hub deploys one verticle per event loop.
            for (int i = 0; i < eventLoops; i++) {
                await(server.createHttpServer().requestHandler(r -> r.response()
                        .putHeader("Content-Type", "application/json").end(answer)).listen(port, "127.0.0.1"));
            }
            try (LoadGenerator load = new LoadGenerator("127.0.0.1", port)) {
                load.run(clients, 0, Duration.ofSeconds(1), i -> Request.get("/"), 200, b -> { });
                return load.run(clients, 0, time, i -> Request.get("/"), 200, b -> { });
            }
        } finally {
            await(server.close());
        }
    }

    @Override
    public void close() throws Exception {
        await(vertx.close());
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** One client's loop: its requests in sequence, its latencies in nanoseconds. */
    private static final class Loop {
        private final HttpClientAgent client;
        private final int index;
        private final AtomicLong left;
        private final long deadline;
        private final IntFunction<Request> next;
        private final int status;
        private final Consumer<Buffer> onBody;
        private final CountDownLatch done;
        private final CompletableFuture<Void> failed;
        private long[] latencies = new long[1024];
        private int count;

        Loop(HttpClientAgent client, int index, AtomicLong left, long deadline, IntFunction<Request> next, int status,
                Consumer<Buffer> onBody, CountDownLatch done, CompletableFuture<Void> failed) {
            this.client = client;
            this.index = index;
            this.left = left;
            this.deadline = deadline;
            this.next = next;
            this.status = status;
            this.onBody = onBody;
            this.done = done;
            this.failed = failed;
        }

        void step() {
            if (failed.isDone() || left.decrementAndGet() < 0 || System.nanoTime() - deadline > 0) {
                done.countDown();
                return;
            }
            Request r = next.apply(index);
            RequestOptions o = new RequestOptions().setMethod(r.method()).setURI(r.uri());
            if (r.token() != null) {
                o.putHeader("Authorization", "Bearer " + r.token());
            }
            if (r.body() != null) {
                o.putHeader("Content-Type", "application/json");
            }
            long t0 = System.nanoTime();
            client.request(o).compose(req -> r.body() == null ? req.send() : req.send(r.body()))
                    .compose(res -> res.body().compose(b -> res.statusCode() == status ? Future.succeededFuture(b)
                            : Future.failedFuture(new IllegalStateException(r.method() + " " + r.uri()
                                    + " answered " + res.statusCode() + ": " + b))))
                    .onComplete(ar -> {
                        if (ar.failed()) {
                            failed.completeExceptionally(ar.cause());
                            done.countDown();
                            return;
                        }
                        record(System.nanoTime() - t0);
                        onBody.accept(ar.result());
                        step();
                    });
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }

    /**
     * CPU time of this whole process (hub and load generator together, as both share the machine): with the load
     * average of a shared machine, CPU per request is the steadier measure of the hub's own cost.
     */
    static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime();
    }

    /**
     * Throughput and latency percentiles (milliseconds) of one run, and the process CPU microseconds spent per
     * request ({@code NaN} when not measured).
     */
    record Stats(int count, double perSecond, double p50, double p95, double p99, double cpuMicros) {
        static Stats of(long[] nanos, double seconds) {
            return of(nanos, seconds, -1);
        }

        static Stats of(long[] nanos, double seconds, long cpuNanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Stats(sorted.length, seconds == 0 ? 0 : sorted.length / seconds, at(sorted, 0.50),
                    at(sorted, 0.95), at(sorted, 0.99),
                    cpuNanos < 0 || sorted.length == 0 ? Double.NaN : cpuNanos / 1e3 / sorted.length);
        }

        /** What the CPU per request allows on {@code cores} otherwise idle cores. */
        double perSecondOnIdle(int cores) {
            return cores * 1e6 / cpuMicros;
        }

        private static double at(long[] sorted, double q) {
            return sorted.length == 0 ? Double.NaN
                    : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
        }
    }
}
