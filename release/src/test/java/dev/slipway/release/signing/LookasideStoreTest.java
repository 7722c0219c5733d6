package dev.slipway.release.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookasideStoreTest {
    private static final Digest DIGEST = Digest.sha256(new byte[] {1});
    private static final ImageReference IMAGE = ImageReference.parse("registry.example.org/team/app:1.0");

    @TempDir
    Path root;

    @Test
    void add_usesRepositoryWithoutHost_andCountsFromOne() {
        Path first = new LookasideStore(root).add(IMAGE, DIGEST, bytes("a"));

        assertEquals(root.resolve("team/app@sha256=" + DIGEST.hex() + "/signature-1"), first);
    }

    @Test
    void add_secondSignature_takesNextNumberAndKeepsFirst() {
        LookasideStore store = new LookasideStore(root);
        store.add(IMAGE, DIGEST, bytes("a"));
        Path second = store.add(IMAGE, DIGEST, bytes("b"));

        assertTrue(second.endsWith("signature-2"));
        List<byte[]> read = store.read(IMAGE, DIGEST);
        assertEquals(2, read.size());
        assertArrayEquals(bytes("a"), read.get(0));
        assertArrayEquals(bytes("b"), read.get(1));
    }

    @Test
    void add_sameSignatureAgain_isNotDuplicated() {
        LookasideStore store = new LookasideStore(root);
        store.add(IMAGE, DIGEST, bytes("a"));
        Path again = store.add(IMAGE, DIGEST, bytes("a"));

        assertTrue(again.endsWith("signature-1"));
        assertEquals(1, store.read(IMAGE, DIGEST).size());
    }

    @Test
    void parse_rejectsPathsOutsideTheLayout() {
        assertTrue(LookasideLayout.parse("team/app@sha256=" + DIGEST.hex() + "/signature-1").isPresent());
        assertTrue(LookasideLayout.parse("../app@sha256=" + DIGEST.hex() + "/signature-1").isEmpty());
        assertTrue(LookasideLayout.parse("team//app@sha256=" + DIGEST.hex() + "/signature-1").isEmpty());
        assertTrue(LookasideLayout.parse("team/app@sha256=" + DIGEST.hex() + "/signature-0").isEmpty());
        assertTrue(LookasideLayout.parse("team/app@sha256=" + DIGEST.hex()).isEmpty());
        assertTrue(LookasideLayout.parse("/team/app@sha256=" + DIGEST.hex() + "/signature-1").isEmpty());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
