package dev.slipway.cli.lookaside;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.release.signing.LookasideHttpHandler;
import dev.slipway.release.signing.LookasideResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slipway serve-lookaside}: serves a lookaside directory read-only over HTTP (GET and HEAD of
 * {@code <repo>@sha256=<hex>/signature-N} only) for sites without a hub; point a {@code registries.d} entry's
 * {@code lookaside:} at the printed URL. Runs until interrupted.
 */
@Command(name = "serve-lookaside", mixinStandardHelpOptions = true,
        description = "Serve a lookaside signature directory read-only over HTTP until interrupted.")
public final class ServeLookasideCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The lookaside directory")
    Path dir;

    @Option(names = "--listen", defaultValue = "127.0.0.1:0", paramLabel = "HOST:PORT",
            description = "Address to listen on (default: 127.0.0.1 and a free port, printed on start)")
    String listen;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int colon = listen.lastIndexOf(':');
        if (colon < 1 || !Files.isDirectory(dir)) {
            err.println("slipway serve-lookaside: need --listen HOST:PORT and an existing --dir (got " + listen
                    + ", " + dir + ")");
            return 2;
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(listen.substring(0, colon),
                    Integer.parseInt(listen.substring(colon + 1))), 0);
        } catch (IOException | NumberFormatException e) {
            err.println("slipway serve-lookaside: [11960 LOOKASIDE_SERVER_FAILED] Tried to listen on " + listen
                    + " but could not: " + e.getMessage());
            return 1;
        }
        server.createContext("/", new LookasideHttpHandler(new LookasideResolver(dir)));
        server.setExecutor(Executors.newFixedThreadPool(4));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            stopped.countDown();
        }, "slipway-lookaside-stop"));
        server.start();
        // No trailing slash: containers/image appends "/<repo>@sha256=<hex>/signature-N" to the configured base.
        out.println("Serving " + dir.toAbsolutePath() + " read-only at http://" + server.getAddress().getHostString()
                + ":" + server.getAddress().getPort());
        out.flush();
        stopped.await();
        return 0;
    }
}
