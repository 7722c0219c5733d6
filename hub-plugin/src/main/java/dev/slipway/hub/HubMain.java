package dev.slipway.hub;

import dev.slipway.common.api.Admin;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.auth.Tokens;
import dev.slipway.hub.config.ConfigLoader;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.persistence.Backups;
import dev.slipway.hub.persistence.Database;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code slipway-hub} command: {@code serve --config FILE} runs the hub; {@code init-admin --config FILE
 * --name NAME} creates the first admin (before the hub runs, since H2 locks its file) and prints its token;
 * {@code hash-token TOKEN} prints the SHA-256 to put in {@code admin_token_sha256}; {@code migrate}, {@code backup
 * --to FILE} and {@code restore --from FILE} look after the database (docs/operations.md).
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
                case "migrate" -> out.println(migrate(config(args)));
                case "backup" -> out.println(backup(config(args), Path.of(required(args, "--to"))));
                case "restore" -> out.println(restore(config(args), Path.of(required(args, "--from"))));
                default -> {
                    err.println("usage: slipway-hub serve --config FILE\n"
                            + "       slipway-hub init-admin --config FILE [--name NAME]   (prints a new admin token)\n"
                            + "       slipway-hub hash-token TOKEN                        (for admin_token_sha256)\n"
                            + "       slipway-hub migrate --config FILE                   (schema to this version)\n"
                            + "       slipway-hub backup --config FILE --to FILE          (hub stopped when H2)\n"
                            + "       slipway-hub restore --config FILE --from FILE       (every hub stopped)");
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

    /** Brings the schema to this version's (as serve does at start) and says so. */
    static String migrate(HubConfig config) {
        try (Database db = Database.open(config.database(), config.dataDir())) {
            return "slipway-hub: database " + config.database().jdbcUrl(config.dataDir()) + " is at schema version "
                    + db.schemaVersion();
        }
    }

    static String backup(HubConfig config, Path file) {
        new Backups(config.database(), config.dataDir()).backup(file);
        return "slipway-hub: backed up " + config.database().jdbcUrl(config.dataDir()) + " to " + file;
    }

    /** Restores a backup, then migrates it to this version's schema (a backup of an older hub works). */
    static String restore(HubConfig config, Path file) {
        new Backups(config.database(), config.dataDir()).restore(file);
        return "slipway-hub: restored " + file + "; " + migrate(config).substring("slipway-hub: ".length());
    }

    private static String required(String[] args, String name) {
        String value = option(args, name, null);
        if (value == null) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "slipway-hub " + args[0] + " needs " + name
                    + " FILE");
        }
        return value;
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
