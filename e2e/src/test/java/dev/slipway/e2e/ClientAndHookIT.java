package dev.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.testing.distgit.DistGitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packager's tools against the running hub and workers: {@code slipway container-build} in a real dist-git
 * checkout (watching the engine's output live). The post-receive hook's own tests are {@link HookIT}.
 */
@ExtendWith(E2eExtension.class)
class ClientAndHookIT {
    @Test
    void containerBuild_fromACheckout_refusesDirtyOrUnpushed_thenWatchesTheEngineBuild(E2eEnvironment env)
            throws Exception {
        String marker = "slipway-cli-engine-" + System.nanoTime();
        DistGitRepo repo = env.component("clitool", "1.0", "echo " + marker);
        Path checkout = env.dir.resolve("clitool-checkout");
        Git.run(env.dir, "clone", "-q", repo.bare().toString(), checkout.toString());
        Files.writeString(checkout.resolve("notes.txt"), "not committed\n");
        E2eEnvironment.Run dirty = env.slipway("alice", "container-build", "--path", checkout.toString());
        assertEquals(2, dirty.exit(), dirty.err());
        assertTrue(dirty.err().contains("CHECKOUT_NOT_READY") && dirty.err().contains("uncommitted"), dirty.err());
        Git.run(checkout, "add", "notes.txt");
        Git.run(checkout, "commit", "-q", "-m", "Notes");
        E2eEnvironment.Run unpushed = env.slipway("alice", "container-build", "--path", checkout.toString());
        assertEquals(2, unpushed.exit(), unpushed.err());
        assertTrue(unpushed.err().contains("not pushed"), unpushed.err());
        Git.run(checkout, "push", "-q", "origin", "f40");

        E2eEnvironment.Run built = env.slipway("alice", "container-build", "--path", checkout.toString());
        assertEquals(0, built.exit(), built.out() + built.err());
        String head = Git.run(checkout, "rev-parse", "HEAD").strip();
        assertTrue(built.out().contains("Created task: "), built.out());
        assertTrue(built.out().contains("clitool.git#" + head), "src is the remote URL at the full HEAD sha");
        assertTrue(built.out().lines().anyMatch(l -> l.contains("engine:") && l.contains(marker)
                && !l.contains("RUN")), "the engine's own output streamed: " + built.out());
        assertTrue(built.out().contains("CLOSED"), built.out());

        E2eEnvironment.Run info = env.slipway("alice", "build-info", "clitool-1.0-1");
        assertEquals(0, info.exit(), info.err());
        String digest = Tools.registryDigest(env.registry.hostPort() + "/slipway/clitool:1.0-1");
        assertTrue(info.out().contains("pull: " + env.registry.hostPort() + "/slipway/clitool@" + digest),
                info.out());
        assertTrue(info.out().contains("State: COMPLETE"), info.out());
        E2eEnvironment.Run missing = env.slipway("alice", "build-info", "clitool-9-9");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("BUILD_NOT_FOUND (10012)"), missing.err());
    }
}
