package dev.slipway.worker.cli;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.json.Json;
import dev.slipway.worker.ContainerBuilder;
import dev.slipway.worker.config.ConfigLoader;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.daemon.HubClient;
import dev.slipway.worker.daemon.WorkerDaemon;
import dev.slipway.common.source.ScmAllowList;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slipway-worker run}: the worker daemon. Runs until SIGTERM/SIGINT, then stops its builds, gives their
 * tasks back to the hub and exits.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the worker daemon: claim buildContainer tasks from the hub and build them.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by a signal after giving its tasks back", "1:could not start (hub, engine)",
            "2:bad command line or configuration"})
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--hub", description = "The hub's URL, e.g. http://127.0.0.1:8440 (default: daemon.hub)")
    URI hub;

    @Option(names = "--config", required = true, description = "Worker YAML config (registries, daemon section)")
    Path config;

    @Option(names = "--token-file", description = "File holding this host's token (default: daemon.token_file, "
            + "else $SLIPWAY_HOST_TOKEN)")
    Path tokenFile;

    @Option(names = "--name", description = "This worker's name in logs (default: the machine's host name)")
    String name;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        WorkerConfig cfg;
        URI hubUri;
        String token;
        try {
            cfg = new ConfigLoader().load(config);
            hubUri = hub != null ? hub : cfg.daemon().hub() == null ? null : URI.create(cfg.daemon().hub());
            token = token(cfg);
            check(cfg, hubUri);
        } catch (SlipwayException e) {
            err.println("slipway-worker: " + e.describe());
            return 2;
        }
        String host = name != null ? name : InetAddress.getLocalHost().getHostName();
        ExecutorService builds = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "slipway-task");
            t.setDaemon(true);
            return t;
        });
        Vertx vertx = Vertx.vertx();
        ContainerBuilder builder = ContainerBuilder.create(cfg, new ScmAllowList(cfg.allowedScms()), null);
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            String id = vertx.deployVerticle(new WorkerDaemon(v -> new HubClient(v, hubUri, token, Json.mapper()),
                    builder, cfg, Json.mapper(), host, builds)).await(2, TimeUnit.MINUTES);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    vertx.undeploy(id).await(3, TimeUnit.MINUTES);
                } catch (Exception e) {
                    System.err.println("slipway-worker: graceful shutdown incomplete: " + e.getMessage());
                } finally {
                    vertx.close();
                    builder.close();
                    stopped.countDown();
                }
            }, "slipway-worker-shutdown"));
            LOG.info("slipway-worker {} serving {}", host, hubUri);
            stopped.await();
            return 0;
        } catch (Exception e) {
            err.println("slipway-worker: could not start: " + (e instanceof SlipwayException s ? s.describe()
                    : e.toString()));
            vertx.close();
            builder.close();
            return 1;
        }
    }

    private String token(WorkerConfig cfg) {
        Path file = tokenFile != null ? tokenFile
                : cfg.daemon().tokenFile() == null ? null : Path.of(cfg.daemon().tokenFile());
        if (file == null) {
            String env = System.getenv("SLIPWAY_HOST_TOKEN");
            if (env == null || env.isBlank()) {
                throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                        "No host token: give --token-file, daemon.token_file or $SLIPWAY_HOST_TOKEN");
            }
            return env.strip();
        }
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "Tried to read the host token from " + file
                    + ": " + e.getMessage(), e);
        }
    }

    private static void check(WorkerConfig cfg, URI hub) {
        if (hub == null || hub.getHost() == null) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "No hub URL: give --hub or daemon.hub");
        }
        if (cfg.registries().isEmpty()) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "The daemon needs at least one registry to push to");
        }
        if (cfg.daemon().mirror() == null) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                    "The daemon needs daemon.mirror: release builds are exported there and their metadata imported");
        }
    }
}
