package dev.slipway.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.testing.distgit.SampleContainerRepo;
import dev.slipway.worker.pipeline.BuildResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A release build whose mirror root is a tiny tmpfs: the export runs out of space, the build fails with
 * MIRROR_DISK_FULL, the mirror holds nothing of it (no hidden temporary directory, no empty version directory),
 * and the floating tags, pushed only after the export, were never moved.
 */
@ExtendWith(SampleEnvironmentExtension.class)
class MirrorDiskFullIT {
    private static final String NS = "diskfull-it";

    @Test
    void fullMirrorFileSystem_failsTheBuildWithItsCode_leavesNothing_andMovesNoFloatingTag(SampleEnvironment env)
            throws Exception {
        Path mirror = env.newDir("tiny-mirror");
        Tools.run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mirror.toString());
        BuildResult result;
        List<Path> left;
        try {
            result = env.build(env.sample.repo().firstCommit(), NS, false, mirror);
            try (Stream<Path> all = Files.walk(mirror)) {
                left = all.filter(p -> !p.equals(mirror)).toList();
            }
        } finally {
            Tools.run("umount", mirror.toString());
        }
        assertEquals(BuildResult.Outcome.FAILED, result.state());
        assertEquals(ErrorCode.MIRROR_DISK_FULL.code(), result.error().code(), result.error()::toString);
        assertTrue(result.error().step().contains("export_mirror"), result.error().step());
        assertTrue(result.error().message().contains("mirror file system is full"), result.error().message());
        assertEquals(List.of(), left, "no partial mirror directory stays");
        String tags = Tools.skopeo("list-tags", "--tls-verify=false",
                "docker://" + env.open.hostPort() + "/" + NS + "/" + SampleContainerRepo.NAME);
        assertFalse(tags.contains("\"latest\"") || tags.contains("\"" + result.version() + "\""),
                "no floating tag was pushed: " + tags);
    }
}
