package dev.slipway.worker.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unix-socket proxy in front of the shared Docker Engine socket, standing in for an engine restart (restarting the
 * machine's dockerd would break every other user of it): {@link #cut} drops every open connection at once, build
 * streams included, and refuses new ones for a while, as a restarting engine does.
 */
final class EngineSocketProxy implements AutoCloseable {
    private static final Path ENGINE = Path.of("/var/run/docker.sock");

    private final Path socket;
    private final ServerSocketChannel server;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private volatile long refusingUntil;

    private EngineSocketProxy(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
    }

    static EngineSocketProxy start(Path dir) {
        try {
            Path socket = dir.resolve("docker.sock");
            Files.deleteIfExists(socket);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            EngineSocketProxy proxy = new EngineSocketProxy(socket, server);
            Thread acceptor = new Thread(proxy::accept, "engine-proxy-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code unix:///...}: the engine host the worker is configured with. */
    String host() {
        return "unix://" + socket;
    }

    /** Drops every connection now and refuses new ones for {@code refuseFor}. */
    void cut(Duration refuseFor) {
        refusingUntil = System.nanoTime() + refuseFor.toNanos();
        open.forEach(EngineSocketProxy::closeQuietly);
        open.clear();
    }

    boolean refusing() {
        return System.nanoTime() < refusingUntil;
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                if (refusing()) {
                    closeQuietly(client);
                    continue;
                }
                SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(ENGINE));
                open.add(client);
                open.add(engine);
                pump(client, engine);
                pump(engine, client);
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
            }
        }
    }

    private void pump(SocketChannel from, SocketChannel to) {
        Thread t = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "engine-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // a temp socket file
        }
        open.forEach(EngineSocketProxy::closeQuietly);
    }
}
