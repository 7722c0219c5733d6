package dev.slipway.worker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DockerEngineTest {

    @Test
    void pathSegment_keepsTheReferencesOwnSeparators_andEncodesTheRest() {
        assertEquals("127.0.0.1:5000/slipway/x:1.0-1", DockerEngine.pathSegment("127.0.0.1:5000/slipway/x:1.0-1"));
        assertEquals("repo@sha256:ab", DockerEngine.pathSegment("repo@sha256:ab"));
        assertEquals("a%20b%3Fc%23d%25", DockerEngine.pathSegment("a b?c#d%"));
        assertEquals("%C3%A9", DockerEngine.pathSegment("é"));
    }

    @Test
    void unixSocket_isTakenFromUnixHostsOnly() {
        assertEquals(Path.of("/var/run/docker.sock"), EngineStreams.unixSocket("unix:///var/run/docker.sock"));
        assertNull(EngineStreams.unixSocket("tcp://127.0.0.1:2375"));
    }
}
