package dev.slipway.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    /** Surefire runs in the module directory; the example lives in the repository's deploy directory. */
    private static final Path EXAMPLE = Path.of("..", "deploy", "worker.example.yaml");

    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("worker.yaml"), text);
    }

    private WorkerConfig load(String text) throws IOException {
        return new ConfigLoader().load(yaml(text));
    }

    private SlipwayException refused(String text) throws IOException {
        Path file = yaml(text);
        SlipwayException e = assertThrows(SlipwayException.class, () -> new ConfigLoader().load(file));
        assertEquals(ErrorCode.CONFIG_INVALID, e.code(), e.getMessage());
        return e;
    }

    @Test
    void load_daemonStatusListen_givesHostAndPort_andRefusesAnythingElse() throws IOException {
        DaemonConfig d = load("daemon:\n  status_listen: 127.0.0.1:9440\n").daemon();
        assertEquals("127.0.0.1", d.statusHost());
        assertEquals(9440, d.statusPort());
        assertNull(load("daemon:\n  capacity: 2\n").daemon().statusListen(), "no status port unless asked for");
        assertTrue(refused("daemon:\n  status_listen: 9440\n").getMessage().contains("daemon.status_listen"));
        refused("daemon:\n  status_listen: \"localhost: 9440\"\n");
    }

    @Test
    void load_exampleFile_readsEveryKey() {
        WorkerConfig c = new ConfigLoader().load(EXAMPLE);
        assertEquals(List.of("https://src.fedoraproject.org/container", "file:///srv/dist-git"), c.allowedScms());

        SiteConfig site = c.site();
        assertEquals("Fedora Container SIG", site.vendor());
        assertEquals("https://catalog.example.org/{name}/{version}-{release}", site.urlFormat());
        assertEquals("registry.fedoraproject.org", site.authoritativeSourceUrl());
        assertEquals("public", site.distributionScope());
        assertEquals("https://bugzilla.example.org/enter_bug.cgi?component={component}", site.bugTrackerUrl());
        assertEquals("Community-built image; provided as is, with no support promise.", site.supportDisclaimer());
        assertEquals("MIT", site.defaultLicenses());

        assertEquals(2, c.registries().size());
        RegistryConfig hub = c.registries().get(0);
        assertEquals(URI.create("https://registry.example.org"), hub.uri());
        assertEquals("fedora", hub.namespace());
        assertEquals("/etc/slipway/docker-config.json", hub.dockerConfig());
        assertNull(hub.username());
        RegistryConfig local = c.registries().get(1);
        assertEquals("127.0.0.1:5000", local.hostAndPort());
        assertEquals("builder", local.username());
        assertEquals("change-me", local.password());
        assertNull(local.namespace());

        assertEquals("unix:///var/run/docker.sock", c.engine().host());
        assertEquals(Duration.ofSeconds(10), c.engine().connectTimeout());
        assertEquals(Duration.ofSeconds(1800), c.engine().responseTimeout());
        assertEquals("/var/tmp/slipway", c.workDirectory());
    }

    @Test
    void load_exampleFile_neverPrintsPasswords() {
        WorkerConfig c = new ConfigLoader().load(EXAMPLE);
        assertTrue(!c.toString().contains("change-me"), c.toString());
    }

    @Test
    void load_missingSections_takeDefaults() throws IOException {
        WorkerConfig c = load("work_dir: /tmp/w\n");
        WorkerConfig d = WorkerConfig.defaults();
        assertEquals("/tmp/w", c.workDirectory());
        assertEquals(d.site(), c.site());
        assertEquals(d.engine(), c.engine());
        assertEquals(List.of(), c.registries());
        assertEquals(List.of(), c.allowedScms());
    }

    @Test
    void load_registryClient_readsTimeoutsAndRetries_andDefaultsTheRest() throws IOException {
        RegistryClientSettings example = new ConfigLoader().load(EXAMPLE).registryClient();
        assertEquals(RegistryClientSettings.defaults(), example, "the example shows the defaults");
        RegistryClientSettings c = load("registry_client:\n  request_timeout_seconds: 2\n  attempts: 2\n"
                + "  max_backoff_ms: 100\n  initial_backoff_ms: 10\n").registryClient();
        assertEquals(new RegistryClientSettings(Duration.ofSeconds(10), Duration.ofSeconds(2), 2, Duration.ofMillis(10),
                Duration.ofMillis(100)), c);
        assertEquals(RegistryClientSettings.defaults(), load("work_dir: /tmp/w\n").registryClient());
        assertTrue(refused("registry_client:\n  attempts: 0\n").getMessage().contains("attempts"));
        assertTrue(refused("registry_client:\n  retries: 3\n").getMessage().contains("retries"));
    }

    @Test
    void load_missingKeysInsideSections_takeDefaults() throws IOException {
        WorkerConfig c = load("site:\n  vendor: Team A\nengine:\n  connect_timeout_seconds: 3\n");
        SiteConfig d = SiteConfig.defaults();
        assertEquals("Team A", c.site().vendor());
        assertEquals(d.distributionScope(), c.site().distributionScope());
        assertEquals(d.urlFormat(), c.site().urlFormat());
        assertEquals(Duration.ofSeconds(3), c.engine().connectTimeout());
        assertEquals(EngineConfig.defaults().responseTimeout(), c.engine().responseTimeout());
        assertEquals(EngineConfig.defaults().host(), c.engine().host());
        assertEquals(WorkerConfig.defaults().workDirectory(), c.workDirectory());
    }

    @Test
    void load_unknownTopLevelKey_refusedNamingIt() throws IOException {
        SlipwayException e = refused("allowed_scm:\n  - https://src.example\n");
        assertTrue(e.getMessage().contains("'allowed_scm'"), e.getMessage());
        assertTrue(e.getMessage().contains("top level"), e.getMessage());
    }

    @Test
    void load_unknownSiteKey_refusedNamingIt() throws IOException {
        SlipwayException e = refused("site:\n  vendr: x\n");
        assertTrue(e.getMessage().contains("'vendr'"), e.getMessage());
        assertTrue(e.getMessage().contains("site"), e.getMessage());
    }

    @Test
    void load_unknownRegistryKey_refusedNamingIt() throws IOException {
        SlipwayException e = refused("registries:\n  - uri: http://127.0.0.1:5000\n    pasword: x\n");
        assertTrue(e.getMessage().contains("'pasword'"), e.getMessage());
        assertTrue(e.getMessage().contains("registries"), e.getMessage());
    }

    @Test
    void load_unknownEngineKey_refusedNamingIt() throws IOException {
        SlipwayException e = refused("engine:\n  timeout: 5\n");
        assertTrue(e.getMessage().contains("'timeout'"), e.getMessage());
        assertTrue(e.getMessage().contains("engine"), e.getMessage());
    }

    @Test
    void load_sectionThatIsNotAMapping_refused() throws IOException {
        assertTrue(refused("site: public\n").getMessage().contains("site"));
        assertTrue(refused("engine:\n  - a\n").getMessage().contains("engine"));
    }

    @Test
    void load_listThatIsNotAList_refusedNamingKey() throws IOException {
        SlipwayException scms = refused("allowed_scms: https://src.example\n");
        assertTrue(scms.getMessage().contains("allowed_scms"), scms.getMessage());
        SlipwayException regs = refused("registries:\n  uri: http://127.0.0.1:5000\n");
        assertTrue(regs.getMessage().contains("registries"), regs.getMessage());
    }

    @Test
    void load_timeoutThatIsNotANumber_refusedNamingKey() throws IOException {
        SlipwayException e = refused("engine:\n  connect_timeout_seconds: ten\n");
        assertTrue(e.getMessage().contains("connect_timeout_seconds"), e.getMessage());
        assertTrue(e.getMessage().contains("ten"), e.getMessage());
        refused("engine:\n  response_timeout_seconds: 1.5\n");
        refused("engine:\n  response_timeout_seconds: -1\n");
    }

    @Test
    void load_registryWithoutUri_refused() throws IOException {
        SlipwayException e = refused("registries:\n  - namespace: x\n");
        assertTrue(e.getMessage().contains("Registry URI"), e.getMessage());
    }

    @Test
    void load_registryUriMalformed_refusedNamingIt() throws IOException {
        SlipwayException e = refused("registries:\n  - uri: http://bad host:5000\n");
        assertTrue(e.getMessage().contains("http://bad host:5000"), e.getMessage());
    }

    @Test
    void load_notAMapping_refused() throws IOException {
        SlipwayException e = refused("- a\n- b\n");
        assertTrue(e.getMessage().contains("must be a YAML mapping"), e.getMessage());
    }

    @Test
    void load_brokenYaml_refusedNamingFile() throws IOException {
        SlipwayException e = refused("site: [unclosed\n");
        assertTrue(e.getMessage().contains(dir.resolve("worker.yaml").toString()), e.getMessage());
    }

    @Test
    void load_missingFile_refusedNamingIt() {
        Path missing = dir.resolve("nope.yaml");
        SlipwayException e = assertThrows(SlipwayException.class, () -> new ConfigLoader().load(missing));
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
