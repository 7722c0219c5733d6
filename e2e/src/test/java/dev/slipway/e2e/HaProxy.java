package dev.slipway.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy run in the foreground from a configuration the test writes: the farm's load balancer in front
 * of the hubs, or a plain TCP forwarder inside a build host's namespace.
 */
final class HaProxy implements AutoCloseable {
    private static final String BINARY = "/usr/sbin/haproxy";
    private final Process process;
    private final Path log;

    private HaProxy(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * The load balancer: HTTP on every {@code binds} address at {@code port}, round robin over the hubs (checked
     * every 500 ms on an endpoint that needs no database, so a database outage reaches clients as the hubs' own
     * 503 answers); a connection a dead hub refuses is retried on another. Plus a TCP frontend per address for the
     * registry at {@code registryPort}. Each hub is a server named by its key in {@code hubPorts}; the state of each
     * is readable on {@code statsSocket} ({@link #serverUp}).
     */
    static String balancerConfig(Path statsSocket, List<String> binds, int port, Map<String, Integer> hubPorts,
            int registryPort) {
        StringBuilder cfg = new StringBuilder("""
                global
                    maxconn 4000
                    stats socket %s mode 600 level admin
                defaults
                    timeout connect 2s
                    timeout client 120s
                    timeout server 120s
                    retries 3
                    option redispatch
                frontend hubs
                    mode http
                """.formatted(statsSocket));
        binds.forEach(b -> cfg.append("    bind ").append(b).append(':').append(port).append('\n'));
        cfg.append("""
                    default_backend hubs
                backend hubs
                    mode http
                    balance roundrobin
                    retry-on conn-failure empty-response
                    option httpchk GET /api/v1/_listapi
                    http-check expect status 200
                    timeout check 5s
                    default-server inter 500ms fall 2 rise 1
                """);
        hubPorts.forEach((name, hubPort) -> cfg.append("    server ").append(name).append(" 127.0.0.1:")
                .append(hubPort).append(" check\n"));
        cfg.append("listen registry\n    mode tcp\n");
        binds.stream().filter(b -> !b.startsWith("127.")).forEach(b -> cfg.append("    bind ").append(b).append(':')
                .append(registryPort).append('\n'));
        cfg.append("    server registry 127.0.0.1:").append(registryPort).append('\n');
        return cfg.toString();
    }

    /** A TCP forwarder: {@code 127.0.0.1:port -> target:port} for each port. */
    static String forwarderConfig(String target, List<Integer> ports) {
        StringBuilder cfg = new StringBuilder("""
                defaults
                    mode tcp
                    timeout connect 2s
                    timeout client 120s
                    timeout server 120s
                """);
        for (int p : ports) {
            cfg.append("listen fwd").append(p).append("\n    bind 127.0.0.1:").append(p).append("\n    server s ")
                    .append(target).append(':').append(p).append('\n');
        }
        return cfg.toString();
    }

    /** Starts HAProxy (through {@code prefix}, e.g. into a namespace) with {@code config}. */
    static HaProxy start(Path dir, String name, List<String> prefix, String config) {
        try {
            Path file = dir.resolve(name + ".cfg");
            Files.writeString(file, config);
            Path log = dir.resolve(name + ".log");
            List<String> cmd = new ArrayList<>(prefix);
            cmd.addAll(List.of(BINARY, "-db", "-f", file.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            HaProxy h = new HaProxy(p, log);
            if (p.waitFor(300, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("haproxy " + name + " exited at once: " + h.output());
            }
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start haproxy " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted starting haproxy " + name, e);
        }
    }

    /**
     * True when the balancer counts {@code server} of backend {@code backend} as UP (its health check passed), read
     * from the stats socket: a hub that answers on its own port is not yet one that the balancer sends requests to.
     */
    static boolean serverUp(Path statsSocket, String backend, String server) {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(statsSocket))) {
            ch.write(ByteBuffer.wrap("show stat\n".getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (ch.read(buf) >= 0) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            // CSV: pxname,svname,...; column 17 is status (UP, DOWN, "UP 1/2"...).
            return out.toString(StandardCharsets.US_ASCII).lines().map(l -> l.split(","))
                    .anyMatch(f -> f.length > 17 && f[0].equals(backend) && f[1].equals(server)
                            && f[17].startsWith("UP"));
        } catch (IOException e) {
            return false;
        }
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
