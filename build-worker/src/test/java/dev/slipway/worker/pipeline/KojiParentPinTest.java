package dev.slipway.worker.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.api.ParentBuild;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.util.List;
import org.junit.jupiter.api.Test;

class KojiParentPinTest {
    private static final Digest AMD = Digest.parse("sha256:" + "a".repeat(64));
    private static final Digest ARM = Digest.parse("sha256:" + "b".repeat(64));
    private static final ParentBuild BASE = new ParentBuild(7, "base-1.0-3", List.of(
            new ParentBuild.Image("aarch64", "registry.example/slipway/base@" + ARM, ARM),
            new ParentBuild.Image("x86_64", "registry.example/slipway/base@" + AMD, AMD)));

    @Test
    void pin_sameRepository_isTheParentBuildsImageOfThisArchByDigest() {
        assertEquals("registry.example/slipway/base@" + AMD,
                KojiParentPin.pin(BASE, "registry.example/slipway/base:latest", "x86_64").toString());
        assertEquals("registry.example/slipway/base@" + ARM,
                KojiParentPin.pin(BASE, "mirror.example/slipway/base:1.0", "aarch64").toString(),
                "a mirror of the same repository is the same parent");
    }

    @Test
    void pin_anotherRepository_isRefusedNamingBoth() {
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> KojiParentPin.pin(BASE, "registry.example/slipway/other:1", "x86_64"));
        assertEquals(ErrorCode.PARENT_REPOSITORY_MISMATCH, e.code());
        assertTrue(e.getMessage().contains("slipway/other") && e.getMessage().contains("base-1.0-3"), e.getMessage());
    }

    @Test
    void pin_fromScratchOrNoImageOfThisArch_isRefused() {
        assertEquals(ErrorCode.PARENT_REPOSITORY_MISMATCH,
                assertThrows(SlipwayException.class, () -> KojiParentPin.pin(BASE, null, "x86_64")).code());
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> KojiParentPin.pin(BASE, "registry.example/slipway/base:1", "s390x"));
        assertTrue(e.getMessage().contains("no image for s390x"), e.getMessage());
    }
}
