package dev.slipway.hub.koji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.hub.fixture.HubFixture;
import dev.slipway.hub.task.TaskFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bad-input corpus (src/test/resources/koji/bad, plus an oversized and a too-deep document made here) posted
 * to a real hub: every document is answered with HTTP 200 and an XML-RPC fault, never a 500 or a stack trace; no
 * file is read, nothing expands, nothing changes.
 */
class KojiBadInputIT {
    @RegisterExtension
    static final HubFixture HUB = new HubFixture();
    private static final Set<Integer> KOJI_FAULTS = Set.of(1000, 1002, 1004, 1019);

    static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/koji/bad"))) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    /** A document over the hub's body limit (the fixture's is 64 KiB). */
    static byte[] oversized() {
        return XmlRpcWriter.call("getUser", "x".repeat(70_000)).getBytes(StandardCharsets.UTF_8);
    }

    /** Arrays nested deeper than the depth limit. */
    static byte[] tooDeep() {
        String open = "<value><array><data>".repeat(KojiApi.MAX_DEPTH + 5);
        String close = "</data></array></value>".repeat(KojiApi.MAX_DEPTH + 5);
        return ("<?xml version='1.0'?><methodCall><methodName>getUser</methodName><params><param>" + open + close
                + "</param></params></methodCall>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyBadDocument_isAnsweredWithAFault_andChangesNothing() throws IOException {
        KojiClient k = new KojiClient(HUB.hub().port());
        String passwd = Files.readString(Path.of("/etc/passwd"));
        long tasksBefore = tasks();
        List<String> checked = new ArrayList<>();
        List<Map.Entry<String, byte[]>> docs = new ArrayList<>();
        for (Path p : corpus()) {
            docs.add(Map.entry(p.getFileName().toString(), Files.readAllBytes(p)));
        }
        docs.add(Map.entry("oversized", oversized()));
        docs.add(Map.entry("too-deep", tooDeep()));
        assertTrue(docs.size() >= 30, "the corpus has at least 30 documents: " + docs.size());
        for (Map.Entry<String, byte[]> doc : docs) {
            KojiClient.Answer a = k.post(doc.getValue());
            String name = doc.getKey();
            assertEquals(200, a.status(), name + ": " + a.body());
            XmlRpcReader.Response r = new XmlRpcReader(1 << 20, 64).response(a.body().getBytes(StandardCharsets.UTF_8));
            assertTrue(r.isFault(), name + " must be a fault: " + a.body());
            assertTrue(KOJI_FAULTS.contains(r.faultCode()), name + ": " + r.faultCode() + " " + r.faultString());
            assertNotNull(r.faultString());
            assertTrue(r.faultString().matches("(?s).*\\[\\d+ [A-Z_]+\\]$"), name + " names Slipway's code: "
                    + r.faultString());
            assertFalse(a.body().contains("Exception") || a.body().contains("\tat "), name + ": " + a.body());
            assertFalse(a.body().contains("lollollol"), name + " expanded an entity");
            assertFalse(passwd.lines().findFirst().map(a.body()::contains).orElse(false), name + " read a file");
            assertFalse(a.body().contains("<!DOCTYPE"), name);
            checked.add(name);
        }
        assertEquals(tasksBefore, tasks(), "no bad document may queue anything");
        assertEquals(1, k.value("getAPIVersion"), "the hub still answers after " + checked);
    }

    private static long tasks() {
        return HUB.hub().services().tasks().list(new TaskFilter(List.of(), null, null, null, 0, 1)).total();
    }
}
