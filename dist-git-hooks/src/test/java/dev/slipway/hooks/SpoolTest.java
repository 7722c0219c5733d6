package dev.slipway.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.api.BuildOpts;
import dev.slipway.common.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    private static final String REPO = "https://src.example.org/containers/foo.git";
    @TempDir
    Path dir;

    @Test
    void key_isSha256OfRepositoryRefAndCommit() {
        // python3: hashlib.sha256(b"https://src.example.org/containers/foo.git\nrefs/heads/f40\n" + b"a" * 40)
        assertEquals("856e3c95ec8712ed85775043cafa4961df8bb96a794088404dea921b58d5aa4d",
                BuildRequest.key(REPO, "refs/heads/f40", "a".repeat(40)));
    }

    @Test
    void add_writesOneFileNamedByTheKey_andTheSamePushAgainIsAlreadyPending() throws Exception {
        Spool spool = Spool.open(dir, Json.mapper());
        BuildRequest r = request("a");
        assertEquals(Spool.Added.NEW, spool.add(r));
        assertEquals(Spool.Added.ALREADY_PENDING, spool.add(r));
        assertEquals(List.of(dir.resolve("pending/" + r.key() + ".json")), spool.pending());
        assertEquals(List.of(), Files.list(dir.resolve("tmp")).toList(), "no temporary file left");
        try (SpoolEntry e = spool.lock(spool.pending().get(0)).orElseThrow()) {
            assertEquals(r.key(), e.request().key());
            assertEquals(r.request().src(), e.request().request().src());
            assertEquals(r.spooledAt(), e.request().spooledAt());
        }
    }

    @Test
    void lock_heldByAnotherFlusher_isSkipped_andADoneRequestIsGone() {
        Spool spool = Spool.open(dir, Json.mapper());
        spool.add(request("b"));
        Path file = spool.pending().get(0);
        try (SpoolEntry first = spool.lock(file).orElseThrow()) {
            assertEquals(Optional.empty(), spool.lock(file), "a second flusher may not take it meanwhile");
            first.done();
        }
        assertEquals(List.of(), spool.pending());
        assertEquals(Optional.empty(), spool.lock(file));
    }

    @Test
    void refuse_keepsTheRequestWithItsReason_untilRequeued() {
        Spool spool = Spool.open(dir, Json.mapper());
        BuildRequest r = request("c");
        spool.add(r);
        try (SpoolEntry e = spool.lock(spool.pending().get(0)).orElseThrow()) {
            e.refuse("HTTP 401 AUTH_INVALID_TOKEN (10001): The bearer token is unknown or revoked");
        }
        assertEquals(List.of(), spool.pending());
        List<SpoolEntry.Refused> refused = spool.refused();
        assertEquals(1, refused.size());
        assertEquals(r.key(), refused.get(0).request().key());
        assertTrue(refused.get(0).reason().contains("AUTH_INVALID_TOKEN (10001)"));
        assertEquals(Spool.Added.REFUSED_EARLIER, spool.add(r), "not retried until an operator acts");

        assertTrue(spool.requeue(r.key()));
        assertEquals(List.of(), spool.refused());
        assertEquals(1, spool.pending().size());
    }

    private static BuildRequest request(String commitChar) {
        String commit = commitChar.repeat(40);
        return BuildRequest.of(REPO, "refs/heads/f40", commit, new BuildContainerRequest(REPO + "#" + commit,
                "f40-container-candidate", new BuildOpts(null, null, null, "f40", null, null, null, null), null),
                Instant.parse("2026-12-02T08:00:00Z"));
    }
}
