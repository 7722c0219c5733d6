package dev.slipway.cli.build;

import dev.slipway.common.hub.HubClient;
import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.Verb;
import dev.slipway.cli.task.TaskWatcher;
import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.api.BuildOpts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code slipway container-build}, as fedpkg's: run in a dist-git checkout, it asks the hub to build the pushed
 * HEAD commit ({@code src = <anonymous url>#<sha>}) for {@code <branch>-container-candidate}, prints the task id
 * and watches it.
 */
@Command(name = "container-build", mixinStandardHelpOptions = true,
        description = "Build the pushed HEAD of this dist-git checkout on the hub and watch the task.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the task CLOSED (or was submitted, with --nowait)", "1:it FAILED, was CANCELED or the "
                + "hub refused it", "2:dirty tree, unpushed HEAD or bad options"})
public final class ContainerBuildCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Option(names = "--path", defaultValue = ".", description = "The dist-git checkout (default: .)")
    Path path;

    @Option(names = "--remote", defaultValue = "origin", description = "The remote the commit is pushed to")
    String remote;

    @Option(names = "--target", description = "Build target (default: <branch>-container-candidate)")
    String target;

    @Option(names = "--scratch", description = "Scratch build: unique tag only, no build record in the tag")
    boolean scratch;

    @Option(names = "--isolated", description = "Isolated (hot-fix) build; needs --release")
    boolean isolated;

    @Option(names = "--release", description = "Explicit release instead of the Dockerfile's or the next free one")
    String release;

    @Option(names = "--repo-url", description = "A yum repository URL to inject (repeatable)")
    List<String> repoUrls = new ArrayList<>();

    @Option(names = "--arch-override", description = "Space-separated arches (scratch or isolated builds only)")
    String archOverride;

    @Option(names = "--nowait", description = "Print the task id and return without watching")
    boolean nowait;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Verb.run(err, () -> {
            DistGitCheckout checkout = new DistGitCheckout(path, remote);
            checkout.requireClean();
            String branch = checkout.branch();
            String head = checkout.head();
            checkout.requirePushed(branch, head);
            String src = checkout.anonymousUrl() + "#" + head;
            String tgt = target != null ? target : branch + "-container-candidate";
            BuildOpts opts = new BuildOpts(scratch ? Boolean.TRUE : null, isolated ? Boolean.TRUE : null, release,
                    branch, repoUrls, archOverride, null, null);
            HubClient api = hub.api();
            long task = api.buildContainer(new BuildContainerRequest(src, tgt, opts, null)).taskId();
            out.println("Created task: " + task);
            out.println("Task info: " + api.base() + "/api/v1/tasks/" + task);
            out.println("Source: " + src + "  target: " + tgt);
            out.flush();
            return nowait ? 0 : new TaskWatcher(api, out, err).watch(task);
        });
    }
}
