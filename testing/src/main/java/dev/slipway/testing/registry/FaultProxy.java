package dev.slipway.testing.registry;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A small HTTP/1.1 proxy in front of a real registry that injects faults into chosen requests: an error status
 * (with an optional {@code Retry-After}), a reset connection, a stall after part of the request body or of the
 * answer, or an answer that trickles in small pieces. Every
 * request travels on its own connection ({@code Connection: close}), so faults hit exactly the requests they
 * match; {@link #down()} makes the registry unreachable until {@link #up()}.
 */
public final class FaultProxy implements AutoCloseable {
    private static final int MAX_HEAD = 64 * 1024;

    /** What happens to a matching request. */
    public enum Kind {
        /** Answer with a status without asking the registry. */
        STATUS,
        /** Reset the connection (TCP RST) after reading the request line and headers. */
        RESET,
        /** Forward the head and {@code stallAfterBytes} of the body, then go silent until the client gives up. */
        STALL,
        /** Forward the request, the answer's head and {@code stallAfterBytes} of its body, then go silent. */
        STALL_ANSWER,
        /** Forward the answer in pieces of {@code stallAfterBytes} bytes, {@code pauseMillis} apart: slow, moving. */
        TRICKLE
    }

    /**
     * A fault for the next {@code times} requests whose method and path (without query) match.
     *
     * @param retryAfter the {@code Retry-After} header of a STATUS answer, or null
     */
    public record Fault(String method, Pattern path, int times, Kind kind, int status, String retryAfter,
            long stallAfterBytes, long pauseMillis) {
        public static Fault status(String method, String pathRegex, int times, int status, String retryAfter) {
            return new Fault(method, Pattern.compile(pathRegex), times, Kind.STATUS, status, retryAfter, 0, 0);
        }

        public static Fault reset(String method, String pathRegex, int times) {
            return new Fault(method, Pattern.compile(pathRegex), times, Kind.RESET, 0, null, 0, 0);
        }

        public static Fault stall(String method, String pathRegex, int times, long afterBytes) {
            return new Fault(method, Pattern.compile(pathRegex), times, Kind.STALL, 0, null, afterBytes, 0);
        }

        /** The registry's answer stops after its head and {@code afterBytes} bytes of its body, for good. */
        public static Fault stallAnswer(String method, String pathRegex, int times, long afterBytes) {
            return new Fault(method, Pattern.compile(pathRegex), times, Kind.STALL_ANSWER, 0, null, afterBytes, 0);
        }

        /** The registry's answer arrives {@code pieceBytes} at a time with {@code pauseMillis} between pieces. */
        public static Fault trickle(String method, String pathRegex, int times, long pieceBytes, long pauseMillis) {
            return new Fault(method, Pattern.compile(pathRegex), times, Kind.TRICKLE, 0, null, pieceBytes,
                    pauseMillis);
        }
    }

    /** One request the proxy saw and what it did with it ({@code null} fault: forwarded). */
    public record Seen(String method, String path, Kind fault, long nanoTime) {
    }

    private record Rule(Fault fault, AtomicInteger left) {
    }

    private final String upstreamHost;
    private final int upstreamPort;
    private final int port;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile boolean closed;

    private FaultProxy(String upstreamHostPort, int port) {
        int colon = upstreamHostPort.lastIndexOf(':');
        this.upstreamHost = upstreamHostPort.substring(0, colon);
        this.upstreamPort = Integer.parseInt(upstreamHostPort.substring(colon + 1));
        this.port = port;
    }

    /** A proxy on a free loopback port in front of {@code host:port}. */
    public static FaultProxy start(String upstreamHostPort) {
        FaultProxy proxy = new FaultProxy(upstreamHostPort, FreePorts.find());
        proxy.up();
        return proxy;
    }

    /** {@code 127.0.0.1:port}: what clients use instead of the registry's address. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    /** Adds a fault; the first matching fault with requests left applies. */
    public void inject(Fault fault) {
        rules.add(new Rule(fault, new AtomicInteger(fault.times())));
    }

    /** Forgets every fault: all requests are forwarded again. */
    public void clear() {
        rules.clear();
    }

    /** The requests seen so far, in arrival order. */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** How many requests met a fault of this kind. */
    public long faultsServed(Kind kind) {
        return seen.stream().filter(s -> s.fault() == kind).count();
    }

    /** The registry becomes unreachable: the port refuses connections and open exchanges are cut. */
    public synchronized void down() {
        closeQuietly(server);
        server = null;
        open.forEach(FaultProxy::closeQuietly);
    }

    /** Listening again on the same port. */
    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = s;
            Thread acceptor = new Thread(() -> accept(s), "fault-proxy-accept-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Tried to listen on " + port, e);
        }
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "fault-proxy-" + port);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed by down() or close()
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] line = head.get(0).split(" ");
            String method = line[0];
            String path = line.length > 1 ? line[1].replaceFirst("\\?.*", "") : "";
            Fault fault = match(method, path);
            seen.add(new Seen(method, path, fault == null ? null : fault.kind(), System.nanoTime()));
            if (fault != null && fault.kind() == Kind.RESET) {
                client.setSoLinger(true, 0);
                return;
            }
            if (fault != null && fault.kind() == Kind.STATUS) {
                copyBody(head, in, OutputStream.nullOutputStream(), Long.MAX_VALUE);
                String answer = "HTTP/1.1 " + fault.status() + " Injected fault\r\nContent-Length: 0\r\n"
                        + (fault.retryAfter() == null ? "" : "Retry-After: " + fault.retryAfter() + "\r\n")
                        + "Connection: close\r\n\r\n";
                client.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                client.getOutputStream().flush();
                return;
            }
            try (Socket upstream = new Socket(upstreamHost, upstreamPort)) {
                open.add(upstream);
                OutputStream up = upstream.getOutputStream();
                up.write(forwardedHead(head).getBytes(StandardCharsets.ISO_8859_1));
                if (fault != null && fault.kind() == Kind.STALL) {
                    copyBody(head, in, up, fault.stallAfterBytes());
                    up.flush();
                    waitUntilClosed(client);
                    return;
                }
                copyBody(head, in, up, Long.MAX_VALUE);
                up.flush();
                if (fault != null && fault.kind() == Kind.STALL_ANSWER) {
                    InputStream answer = new BufferedInputStream(upstream.getInputStream());
                    OutputStream back = client.getOutputStream();
                    for (String headLine : readHead(answer)) {
                        back.write((headLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                    back.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    copy(answer, back, fault.stallAfterBytes(), new long[] {Long.MAX_VALUE});
                    client.getOutputStream().flush();
                    waitUntilClosed(client);
                    return;
                }
                if (fault != null && fault.kind() == Kind.TRICKLE) {
                    trickle(upstream.getInputStream(), client.getOutputStream(), fault);
                    return;
                }
                upstream.getInputStream().transferTo(client.getOutputStream());
                client.getOutputStream().flush();
            } finally {
                open.removeIf(Socket::isClosed);
            }
        } catch (IOException e) {
            // a client or registry that went away: nothing to answer
        } finally {
            open.remove(client);
        }
    }

    private Fault match(String method, String path) {
        for (Rule r : rules) {
            if (r.fault().method().equals(method) && r.fault().path().matcher(path).matches()
                    && r.left().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return r.fault();
            }
        }
        return null;
    }

    /** The head as sent upstream: the same request, one exchange per connection. */
    private static String forwardedHead(List<String> head) {
        StringBuilder out = new StringBuilder(head.get(0)).append("\r\n");
        for (String h : head.subList(1, head.size())) {
            String name = h.substring(0, Math.max(0, h.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
            if (!name.equals("connection") && !name.equals("keep-alive")) {
                out.append(h).append("\r\n");
            }
        }
        return out.append("Connection: close\r\n\r\n").toString();
    }

    /** Copies the request body (Content-Length or chunked, framing included) up to {@code limit} bytes. */
    private static void copyBody(List<String> head, InputStream in, OutputStream out, long limit)
            throws IOException {
        long length = 0;
        boolean chunked = false;
        for (String h : head.subList(1, head.size())) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(h.indexOf(':') + 1).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        long[] budget = {limit};
        if (!chunked) {
            copy(in, out, length, budget);
            return;
        }
        while (budget[0] > 0) {
            String sizeLine = readLine(in);
            out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            long size = Long.parseLong(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(in); !trailer.isEmpty(); trailer = readLine(in)) {
                    out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            copy(in, out, size, budget);
            if (budget[0] > 0) {
                out.write((readLine(in) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        }
    }

    private static void copy(InputStream in, OutputStream out, long bytes, long[] budget) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = bytes;
        while (left > 0 && budget[0] > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, Math.min(left, budget[0])));
            if (n < 0) {
                throw new IOException("request body ended early");
            }
            out.write(buffer, 0, n);
            left -= n;
            budget[0] -= n;
        }
    }

    /** Forwards the whole answer in pieces with pauses between them. */
    private void trickle(InputStream from, OutputStream to, Fault fault) throws IOException {
        byte[] piece = new byte[(int) fault.stallAfterBytes()];
        for (int n = from.readNBytes(piece, 0, piece.length); n > 0 && !closed;
                n = from.readNBytes(piece, 0, piece.length)) {
            to.write(piece, 0, n);
            to.flush();
            try {
                Thread.sleep(fault.pauseMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        int total = 0;
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            total += line.length();
            if (total > MAX_HEAD) {
                throw new IOException("request head too large");
            }
            lines.add(line);
        }
        return lines;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** A stalled exchange stays open, silent, until the client hangs up or the proxy goes down. */
    private void waitUntilClosed(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        byte[] sink = new byte[16 * 1024];
        while (!closed && !client.isClosed() && in.read(sink) >= 0) {
            // the client keeps sending a body nobody forwards; drop it, so only our silence makes it wait
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // closing a dead socket
        }
    }

    @Override
    public void close() {
        closed = true;
        down();
    }
}
