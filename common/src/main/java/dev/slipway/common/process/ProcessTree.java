package dev.slipway.common.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kills a process and every process it started. Killing only the direct child would leave a {@code sh -c} script's
 * children (or git's ssh, or gpg's helpers) running and holding the output pipes open.
 */
final class ProcessTree {
    private ProcessTree() {
    }

    static void kill(Process process) {
        // The descendants are found through their parent ids, so they are listed before the parent dies and they are
        // handed to init; each one's own children are listed again just before it is killed.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        for (int i = 0; i < tree.size(); i++) {
            ProcessHandle handle = tree.get(i);
            handle.descendants().filter(d -> !tree.contains(d)).forEach(tree::add);
            handle.destroyForcibly();
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
