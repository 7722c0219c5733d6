package dev.slipway.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.testing.registry.AccessLogEntry;
import dev.slipway.testing.registry.AuthMode;
import dev.slipway.testing.registry.UseRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client against a registry without authentication. */
@UseRegistry(AuthMode.OPEN)
class OpenRegistryIT extends RegistryClientScenarios {

    @Test
    void pushBlob_singlePostAnswered202_fallsBackToPut() {
        String repository = repo("single-post");
        BlobSource blob = BlobSource.ofBytes(("single " + repository).getBytes());
        int mark = registry.requests().size();

        BlobPushResult result = client(config().withSinglePostUpload(true)).pushBlob(repository, blob);

        assertEquals(BlobPushResult.Outcome.UPLOADED, result.outcome());
        // Registry 2.8 ignores the body of the single POST, so the bytes travel twice.
        assertEquals(2 * blob.size(), result.bytesUploaded());
        List<AccessLogEntry> requests = registry.requestsSince(mark);
        assertTrue(requests.stream().anyMatch(e -> e.is("POST", ".*/blobs/uploads/") && e.uri().contains("digest=")
                && e.status() == 202), requests.toString());
        assertTrue(requests.stream().anyMatch(e -> e.is("PUT", ".*/blobs/uploads/.*") && e.status() == 201),
                requests.toString());
        assertEquals(blob.size(), client().headBlob(repository, blob.digest()).orElseThrow().size());
    }
}
