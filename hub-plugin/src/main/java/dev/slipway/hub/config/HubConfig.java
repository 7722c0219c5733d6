package dev.slipway.hub.config;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The hub's whole configuration, read once from one YAML file and passed down through constructors.
 *
 * @param dataDir where the embedded H2 database (and nothing else a second hub would need) lives
 * @param adminTokenSha256 SHA-256 hex hashes of bootstrap admin tokens (seeded as user {@code admin})
 * @param lookasideDir the signature lookaside directory served read-only under {@code /sigs/}; null serves none
 * @param console the web console's session settings
 * @param hmacSecrets users whose API requests must carry an HMAC signature, each with the file holding its shared
 *     secret (docs/hook.md); empty: no user is checked
 */
public record HubConfig(
        Listen listen,
        Path dataDir,
        Database database,
        List<String> allowedScms,
        Tasks tasks,
        Http http,
        List<String> adminTokenSha256,
        Path lookasideDir,
        Console console,
        Map<String, Path> hmacSecrets) {

    public HubConfig {
        listen = listen == null ? new Listen(null, null) : listen;
        if (dataDir == null) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "The hub configuration needs a data_dir");
        }
        database = database == null ? new Database(null, null, null, null) : database;
        allowedScms = allowedScms == null ? List.of() : List.copyOf(allowedScms);
        tasks = tasks == null ? new Tasks(null, null, null, null, null, null) : tasks;
        http = http == null ? new Http(null, null) : http;
        adminTokenSha256 = adminTokenSha256 == null ? List.of() : List.copyOf(adminTokenSha256);
        console = console == null ? new Console(null, null) : console;
        hmacSecrets = hmacSecrets == null ? Map.of() : Map.copyOf(hmacSecrets);
    }

    /** A configuration without request signatures. */
    public HubConfig(Listen listen, Path dataDir, Database database, List<String> allowedScms, Tasks tasks, Http http,
            List<String> adminTokenSha256, Path lookasideDir, Console console) {
        this(listen, dataDir, database, allowedScms, tasks, http, adminTokenSha256, lookasideDir, console, null);
    }

    /** A configuration with a lookaside directory and the default console settings. */
    public HubConfig(Listen listen, Path dataDir, Database database, List<String> allowedScms, Tasks tasks, Http http,
            List<String> adminTokenSha256, Path lookasideDir) {
        this(listen, dataDir, database, allowedScms, tasks, http, adminTokenSha256, lookasideDir, null);
    }

    /** A configuration without a lookaside directory. */
    public HubConfig(Listen listen, Path dataDir, Database database, List<String> allowedScms, Tasks tasks, Http http,
            List<String> adminTokenSha256) {
        this(listen, dataDir, database, allowedScms, tasks, http, adminTokenSha256, null, null);
    }

    /** The same configuration listening on {@code other}. */
    public HubConfig withListen(Listen other) {
        return new HubConfig(other, dataDir, database, allowedScms, tasks, http, adminTokenSha256, lookasideDir,
                console, hmacSecrets);
    }

    /** The same configuration with these users' requests signed (user -> secret file). */
    public HubConfig withHmacSecrets(Map<String, Path> secrets) {
        return new HubConfig(listen, dataDir, database, allowedScms, tasks, http, adminTokenSha256, lookasideDir,
                console, secrets);
    }

    /**
     * Where the HTTP server listens; port 0 picks a free port.
     *
     * @param tls the certificate and key to serve HTTPS with; null serves plain HTTP
     */
    public record Listen(String host, Integer port, Tls tls) {
        public Listen {
            host = host == null ? "127.0.0.1" : host;
            port = port == null ? 8440 : port;
        }

        /** A plain-HTTP listener. */
        public Listen(String host, Integer port) {
            this(host, port, null);
        }

        /** The same listener on another port. */
        public Listen withPort(int other) {
            return new Listen(host, other, tls);
        }

        /** The URL scheme clients use: {@code https} with TLS. */
        public String scheme() {
            return tls == null ? "http" : "https";
        }
    }

    /**
     * HTTPS on the hub's listener: PEM files, read when the hub starts.
     *
     * @param certificate the server certificate followed by any intermediate certificates
     * @param key its private key (PKCS#8 {@code PRIVATE KEY}, or PKCS#1 {@code RSA PRIVATE KEY})
     */
    public record Tls(Path certificate, Path key) {
        public Tls {
            if (certificate == null || key == null) {
                throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                        "listen.tls needs both certificate and key (PEM files)");
            }
        }

        /** The same files taken relative to {@code base} when relative. */
        public Tls resolvedAgainst(Path base) {
            return new Tls(base.resolve(certificate), base.resolve(key));
        }
    }

    /**
     * The database: H2 file in the data directory unless {@code url} names another (e.g. jdbc:postgresql://...).
     */
    public record Database(String url, String user, String password, Integer poolSize) {
        public Database {
            poolSize = poolSize == null ? 16 : poolSize;
            if (poolSize < 2) {
                throw new SlipwayException(ErrorCode.CONFIG_INVALID, "database.pool_size must be at least 2");
            }
        }

        /** The JDBC URL, defaulting to an H2 file that acknowledges a commit only once it is written. */
        public String jdbcUrl(Path dataDir) {
            return url != null ? url : "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("hub") + ";WRITE_DELAY=0";
        }
    }

    /**
     * Task defaults and timing.
     *
     * @param leaseSeconds how long a claim or heartbeat keeps a task; an expired lease frees the task
     * @param maxClaimWaitMs the longest a claim or heartbeat long-poll is held
     */
    public record Tasks(String channel, Integer defaultPriority, Double weight, Integer leaseSeconds,
            Integer maxClaimWaitMs, Integer recheckMs) {
        public Tasks {
            channel = channel == null ? "container" : channel;
            defaultPriority = defaultPriority == null ? 20 : defaultPriority;
            weight = weight == null ? 2.0 : weight;
            leaseSeconds = leaseSeconds == null ? 60 : leaseSeconds;
            maxClaimWaitMs = maxClaimWaitMs == null ? 30_000 : maxClaimWaitMs;
            recheckMs = recheckMs == null ? 500 : recheckMs;
            if (leaseSeconds < 1 || maxClaimWaitMs < 0 || recheckMs < 10) {
                throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                        "tasks.lease_seconds must be >= 1, max_claim_wait_ms >= 0 and recheck_ms >= 10");
            }
        }
    }

    /** HTTP limits: the largest request body accepted and how many event-loop verticles serve the API. */
    public record Http(Long bodyLimitBytes, Integer instances) {
        public Http {
            bodyLimitBytes = bodyLimitBytes == null ? 16L * 1024 * 1024 : bodyLimitBytes;
            instances = instances == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : instances;
        }
    }

    /**
     * The web console: its sign-in sessions, which are signed cookies rather than database rows, and how it links
     * outwards.
     *
     * @param sessionKey the HMAC key (at least 32 characters) every hub process behind one address must share so
     *     a session made by one is honoured by the others; null makes a random key per process (sessions then end
     *     when the process restarts and work only with a single hub)
     * @param sessionHours how long a session lasts after sign-in
     * @param commitUrl how a task's source commit becomes a link: a template with {@code {url}} (the repository
     *     URL without a trailing {@code .git}), {@code {path}} (its path without the leading slash and {@code .git})
     *     and {@code {commit}}, e.g. {@code https://src.example.org/cgit/{path}/commit/?id={commit}}; null links
     *     http(s) repositories cgit-style ({@code {url}/commit/?id={commit}}) and others not at all
     * @param trustedProxies the addresses of reverse proxies whose {@code X-Forwarded-Proto} the hub believes (the
     *     session cookie is {@code Secure} when the request came over TLS to the hub or to such a proxy)
     */
    public record Console(String sessionKey, Integer sessionHours, String commitUrl, List<String> trustedProxies) {
        public Console {
            sessionHours = sessionHours == null ? 12 : sessionHours;
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
            if (sessionKey != null && sessionKey.length() < 32) {
                throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                        "console.session_key must be at least 32 characters");
            }
            if (sessionHours < 1) {
                throw new SlipwayException(ErrorCode.CONFIG_INVALID, "console.session_hours must be at least 1");
            }
            if (commitUrl != null && !commitUrl.contains("{commit}")) {
                throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                        "console.commit_url must contain {commit}, e.g. {url}/commit/?id={commit}");
            }
        }

        /** Sessions only, the other settings at their defaults. */
        public Console(String sessionKey, Integer sessionHours) {
            this(sessionKey, sessionHours, null, null);
        }

        @Override
        public String toString() {
            return "Console[sessionKey=" + (sessionKey == null ? "random" : "(set)") + ", sessionHours="
                    + sessionHours + ", commitUrl=" + commitUrl + ", trustedProxies=" + trustedProxies + "]";
        }
    }
}
