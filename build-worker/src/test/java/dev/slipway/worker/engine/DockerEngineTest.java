package dev.slipway.worker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;
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
    void buildQuery_hasTheClisParameters_encoded() {
        ImageEngine.BuildSpec spec = new ImageEngine.BuildSpec(Path.of("/ctx"), Path.of("/ctx/Dockerfile"),
                "slipway-build/a/b:1-x", true, Map.of("B", "2 3", "A", "1&"));
        assertEquals("t=slipway-build%2Fa%2Fb%3A1-x&dockerfile=docker%2FDockerfile&nocache=1&pull=0&rm=1&forcerm=1"
                + "&buildargs=%7B%22A%22%3A%221%26%22%2C%22B%22%3A%222+3%22%7D",
                DockerEngine.buildQuery(spec, "docker/Dockerfile"));
        ImageEngine.BuildSpec cached = new ImageEngine.BuildSpec(Path.of("/c"), Path.of("/c/Dockerfile"), "t:1", false,
                Map.of());
        assertEquals("t=t%3A1&dockerfile=Dockerfile&nocache=0&pull=0&rm=1&forcerm=1",
                DockerEngine.buildQuery(cached, "Dockerfile"));
    }

    @Test
    void unixSocket_isTakenFromUnixHostsOnly() {
        assertEquals(Path.of("/var/run/docker.sock"), EngineStreams.unixSocket("unix:///var/run/docker.sock"));
        assertNull(EngineStreams.unixSocket("tcp://127.0.0.1:2375"));
    }
}
