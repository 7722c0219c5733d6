package dev.slipway.hub.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fills a migrated hub database with a busy farm's history, straight through JDBC (the API would take hours):
 * tasks in every state, builds of many packages with one image each, the images' RPM components and the logs of
 * some tasks. Users, hosts, tags, targets and package lists are made through the API beforehand; their ids are
 * given here. Ids start at {@link #FIRST_ID} and the sequences are moved past them, so the hub keeps inserting.
 */
final class ConsoleSeed {
    static final long FIRST_ID = 1_000_000;
    /** In every image, at a version that depends on the build: what the search looks for. */
    static final String COMMON_RPM = "openssl-libs";
    private static final String[] STATES = {"CLOSED", "FAILED", "CANCELED", "FREE", "ASSIGNED", "OPEN"};
    private final Random random = new Random(42);
    private final Sizes sizes;

    /** How much history to write. */
    record Sizes(int tasks, int builds, int rpmsPerImage, int packages, int loggedTasks, int logLines) {
        static Sizes full() {
            return new Sizes(10_000, 10_000, 50, 500, 20, 2_000);
        }

        static Sizes tiny() {
            return new Sizes(200, 200, 10, 20, 2, 50);
        }
    }

    /** The ids of what the API made: users, hosts, the container channel, the target, the destination tag. */
    record Ids(List<Long> users, List<Long> hosts, long channel, long target, long tag) {
    }

    ConsoleSeed(Sizes sizes) {
        this.sizes = sizes;
    }

    /** Writes the history into the database at {@code url}. */
    void fill(String url, String user, String password, Ids ids) throws SQLException {
        boolean postgres = url.startsWith("jdbc:postgresql:");
        // PostgreSQL's driver sends a batch as one multi-row INSERT only when asked to.
        String seedUrl = postgres ? url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true" : url;
        try (Connection c = DriverManager.getConnection(seedUrl, user, password)) {
            c.setAutoCommit(false);
            tasks(c, ids);
            builds(c, ids);
            logs(c);
            for (String[] seq : new String[][] {{"tasks_seq", "tasks"}, {"builds_seq", "builds"},
                    {"images_seq", "images"}, {"image_components_seq", "image_components"}}) {
                try (var st = c.createStatement()) {
                    st.execute("ALTER SEQUENCE " + seq[0] + " RESTART WITH " + (FIRST_ID * 100));
                }
            }
            c.commit();
            try (var st = c.createStatement()) {
                // PostgreSQL plans from statistics: give it fresh ones, as autovacuum would after such a load.
                if (postgres) {
                    c.setAutoCommit(true);
                    st.execute("ANALYZE");
                }
            }
        }
    }

    /** The package name of build or task {@code i}. */
    String packageOf(long i) {
        return String.format("pkg%04d", i % sizes.packages());
    }

    /** The task state of task {@code i} (most tasks finished, as on a real farm). */
    static String stateOf(long i) {
        int r = (int) (i * 7919 % 100);
        return r < 84 ? STATES[0] : r < 92 ? STATES[1] : r < 95 ? STATES[2] : r < 97 ? STATES[3] : r < 98
                ? STATES[4] : STATES[5];
    }

    /** The version of {@link #COMMON_RPM} in build {@code i}'s image: 3.0.x-y, x from 0 to 11, y from 1 to 3. */
    static String commonRpmVersion(long i) {
        return "3.0." + (i % 12);
    }

    static String commonRpmRelease(long i) {
        return String.valueOf(1 + i % 3);
    }

    private void tasks(Connection c, Ids ids) throws SQLException {
        OffsetDateTime t0 = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks (id, method, state, owner_id, channel_id,"
                + " host_id, arch, priority, weight, target_id, component, request, result, fault, created, started,"
                + " completed) VALUES (?, 'buildContainer', ?, ?, ?, ?, 'x86_64', 20, 2.0, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < sizes.tasks(); i++) {
                String state = stateOf(i);
                String pkg = packageOf(i);
                ps.setLong(1, FIRST_ID + i);
                ps.setString(2, state);
                ps.setLong(3, ids.users().get(i % ids.users().size()));
                ps.setLong(4, ids.channel());
                if (state.equals("FREE")) {
                    ps.setNull(5, Types.BIGINT);
                } else {
                    ps.setLong(5, ids.hosts().get(i % ids.hosts().size()));
                }
                ps.setLong(6, ids.target());
                ps.setString(7, pkg);
                ps.setString(8, "{\"src\":\"https://src.example.org/containers/" + pkg + ".git#" + "a".repeat(40)
                        + "\",\"target\":\"f40-container-candidate\",\"opts\":{\"git_branch\":\"f40\"}}");
                ps.setString(9, state.equals("CLOSED") ? "{\"koji_builds\":[" + (FIRST_ID + i) + "]}" : null);
                ps.setString(10, state.equals("FAILED") ? "{\"code\":10031,\"name\":\"BUILD_FAILED\",\"message\":"
                        + "\"RUN dnf install failed with exit code 1\"}" : null);
                OffsetDateTime created = t0.plusMinutes(i);
                ps.setObject(11, created);
                ps.setObject(12, state.equals("FREE") ? null : created.plusSeconds(5));
                ps.setObject(13, List.of("CLOSED", "FAILED", "CANCELED").contains(state)
                        ? created.plusSeconds(300) : null);
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private void builds(Connection c, Ids ids) throws SQLException {
        OffsetDateTime t0 = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        Map<String, String> buildState = Map.of("CLOSED", "COMPLETE", "FAILED", "FAILED", "CANCELED", "CANCELED",
                "FREE", "BUILDING", "ASSIGNED", "BUILDING", "OPEN", "BUILDING");
        List<String> pool = new ArrayList<>();
        for (int n = 0; n < 2_000; n++) {
            pool.add(String.format("rpm%04d", n));
        }
        try (PreparedStatement b = c.prepareStatement("INSERT INTO builds (id, name, version, release, state,"
                + " owner_id, task_id, target_id, source, started, completed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement tag = c.prepareStatement("INSERT INTO build_tags (build_id, tag_id) VALUES (?, ?)");
                PreparedStatement img = c.prepareStatement("INSERT INTO images (id, build_id, arch, digest, media_type,"
                        + " image_id, parent_id, pull_specs, registry_tags, labels, layer_sizes) VALUES (?, ?,"
                        + " 'x86_64', ?, 'application/vnd.oci.image.manifest.v1+json', ?, NULL, ?, ?, ?, ?)");
                PreparedStatement rpm = c.prepareStatement("INSERT INTO image_components (id, image_id, type, name,"
                        + " epoch, version, release, arch, sigmd5, signature, size, buildtime, license, vendor,"
                        + " sourcerpm) VALUES (?, ?, 'rpm', ?, ?, ?, ?, 'x86_64', '00112233445566778899aabbccddeeff',"
                        + " '0727707ea15b79cc', 123456, 1700000000, 'MIT', 'Fedora Project', ?)")) {
            long rpmId = FIRST_ID;
            for (int i = 0; i < sizes.builds(); i++) {
                long id = FIRST_ID + i;
                String pkg = packageOf(i);
                String version = "1." + (i / sizes.packages());
                String release = "1.fc40";
                boolean withTask = i < sizes.tasks();
                String state = withTask ? buildState.get(stateOf(i)) : "COMPLETE";
                b.setLong(1, id);
                b.setString(2, pkg);
                b.setString(3, version);
                b.setString(4, release);
                b.setString(5, state);
                b.setLong(6, ids.users().get(i % ids.users().size()));
                if (withTask) {
                    b.setLong(7, FIRST_ID + i);
                } else {
                    b.setNull(7, Types.BIGINT);
                }
                b.setLong(8, ids.target());
                b.setString(9, "https://src.example.org/containers/" + pkg + ".git#" + "a".repeat(40));
                b.setObject(10, t0.plusMinutes(i));
                b.setObject(11, state.equals("BUILDING") ? null : t0.plusMinutes(i).plusSeconds(300));
                b.addBatch();
                if (state.equals("COMPLETE")) {
                    tag.setLong(1, id);
                    tag.setLong(2, ids.tag());
                    tag.addBatch();
                }
                String hex = String.format("%064x", id);
                img.setLong(1, id);
                img.setLong(2, id);
                img.setString(3, "sha256:" + hex);
                img.setString(4, "sha256:" + String.format("%064x", id + 7));
                img.setString(5, "[\"registry.example/" + pkg + ":" + version + "-" + release + "\","
                        + "\"registry.example/" + pkg + "@sha256:" + hex + "\"]");
                img.setString(6, "[\"" + version + "-" + release + "\",\"" + version + "\",\"latest\"]");
                img.setString(7, "{\"name\":\"" + pkg + "\",\"version\":\"" + version + "\",\"release\":\"" + release
                        + "\",\"vendor\":\"Fedora Project\",\"com.redhat.component\":\"" + pkg + "\"}");
                img.setString(8, "[{\"diff_id\":\"sha256:" + "e".repeat(64) + "\",\"digest\":\"sha256:"
                        + "f".repeat(64) + "\",\"size\":4096,\"uncompressed_size\":8192}]");
                img.addBatch();
                for (int r = 0; r < sizes.rpmsPerImage(); r++) {
                    String name = r == 0 ? COMMON_RPM : pool.get(random.nextInt(pool.size()));
                    rpm.setLong(1, rpmId++);
                    rpm.setLong(2, id);
                    rpm.setString(3, name);
                    rpm.setNull(4, Types.INTEGER);
                    rpm.setString(5, r == 0 ? commonRpmVersion(i) : "1." + random.nextInt(30));
                    rpm.setString(6, r == 0 ? commonRpmRelease(i) : random.nextInt(5) + ".fc40");
                    rpm.setString(7, name + "-1.0-1.fc40.src.rpm");
                    rpm.addBatch();
                }
                if (i % 200 == 199) {
                    flush(b, tag, img, rpm);
                    c.commit();
                }
            }
            flush(b, tag, img, rpm);
        }
    }

    private static void flush(PreparedStatement... statements) throws SQLException {
        for (PreparedStatement ps : statements) {
            ps.executeBatch();
        }
    }

    private void logs(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO task_log (task_id, line_no, line) VALUES (?, ?, ?)")) {
            for (int t = 0; t < sizes.loggedTasks(); t++) {
                for (int n = 0; n < sizes.logLines(); n++) {
                    ps.setLong(1, FIRST_ID + t);
                    ps.setLong(2, n);
                    ps.setString(3, "Step " + n + "/" + sizes.logLines() + " : RUN dnf -y install pkg" + n
                            + " && dnf clean all ---> Running in 0123456789ab");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
