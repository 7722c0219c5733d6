package dev.slipway.hub;

import dev.slipway.common.api.Admin;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.auth.Tokens;
import dev.slipway.hub.config.ConfigLoader;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.persistence.Database;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code slipway-hub} command: {@code serve --config FILE} runs the hub; {@code init-admin --config FILE
 * --name NAME} creates the first admin (before the hub runs, since H2 locks its file) and prints its token;
 * {@code hash-token TOKEN} prints the SHA-256 to put in {@code admin_token_sha256}.
 */
public final class HubMain {
    private HubMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            String verb = args.length == 0 ? "help" : args[0];
            switch (verb) {
                case "serve" -> serve(config(args));
                case "init-admin" -> out.println(initAdmin(config(args), option(args, "--name", "admin")).token());
                case "hash-token" -> out.println(Tokens.hash(args[1]));
                default -> {
                    err.println("usage: slipway-hub serve --config FILE\n"
                            + "       slipway-hub init-admin --config FILE [--name NAME]   (prints a new admin token)\n"
                            + "       slipway-hub hash-token TOKEN                        (for admin_token_sha256)");
                    return verb.equals("help") ? 0 : 2;
                }
            }
            return 0;
        } catch (SlipwayException e) {
            err.println("slipway-hub: " + e.describe());
            return 1;
        }
    }

    static Admin.TokenCreated initAdmin(HubConfig config, String name) {
        try (Database db = Database.open(config.database(), config.dataDir())) {
            var services = Hub.services(config, db, Clock.systemUTC());
            try {
                return services.accounts().initAdmin(name);
            } finally {
                services.tasks().close();
            }
        }
    }

    private static void serve(HubConfig config) {
        Hub hub = Hub.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.close();
            stopped.countDown();
        }, "slipway-hub-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HubConfig config(String[] args) {
        return new ConfigLoader().load(Path.of(option(args, "--config", "/etc/slipway/hub.yaml")));
    }

    private static String option(String[] args, String name, String dflt) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }
}
