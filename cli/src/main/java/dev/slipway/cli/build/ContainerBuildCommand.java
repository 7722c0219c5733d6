package dev.slipway.cli.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.hub.ConsoleLinks;
import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.Verb;
import dev.slipway.cli.task.TaskWatcher;
import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.api.BuildOpts;
import dev.slipway.common.hub.HubClient;
import dev.slipway.common.json.Json;
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
 * HEAD commit ({@code src = <anonymous url>#<sha>}) for {@code <branch>-container-candidate}, prints the task and
 * console URLs and watches it (status line, live log, then NVR, pull specs by digest and the console build URL).
 */
@Command(name = "container-build", mixinStandardHelpOptions = true,
        description = "Build the pushed HEAD of this dist-git checkout on the hub and watch the task.")
public final class ContainerBuildCommand implements Callable<Integer> {
    /** Koji's {@code --background}: the hub's default priority (20) plus 5; a higher number runs later. */
    static final int BACKGROUND_PRIORITY = 25;

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

    @Option(names = "--scratch", description = "Scratch build: unique tag only, no mirror, no build record in the tag")
    boolean scratch;

    @Option(names = "--isolated", description = "Isolated (hot-fix) build: pushes version-release only; needs "
            + "--release")
    boolean isolated;

    @Option(names = "--release", description = "Explicit release instead of the Dockerfile's or the next free one")
    String release;

    @Option(names = "--repo-url", paramLabel = "URL", description = "A yum .repo file URL made visible to every RUN "
            + "(repeatable)")
    List<String> repoUrls = new ArrayList<>();

    @Option(names = {"--arches", "--arch-override"}, paramLabel = "ARCH", split = "[ ,]",
            description = "Build only for these arches (scratch or isolated builds only; repeatable or comma list)")
    List<String> arches = new ArrayList<>();

    @Option(names = "--koji-parent-build", paramLabel = "NVR", description = "Build FROM the image of this "
            + "COMPLETE build (pinned by digest)")
    String kojiParentBuild;

    @Option(names = "--userdata", paramLabel = "JSON", description = "A JSON object stored with the build")
    String userdata;

    @Option(names = "--nowait", description = "Print the task and return without watching")
    boolean nowait;

    @Option(names = "--background", description = "Run at background priority (after the default queue)")
    boolean background;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonNode data = checkOptions();
        return Verb.run(err, () -> {
            DistGitCheckout checkout = new DistGitCheckout(path, remote);
            checkout.requireClean();
            String branch = checkout.branch();
            String head = checkout.head();
            checkout.requirePushed(branch, head);
            String src = checkout.anonymousUrl() + "#" + head;
            String tgt = target != null ? target : branch + "-container-candidate";
            BuildOpts opts = new BuildOpts(scratch ? Boolean.TRUE : null, isolated ? Boolean.TRUE : null, release,
                    branch, repoUrls, arches.isEmpty() ? null : String.join(" ", arches), kojiParentBuild, data);
            HubClient api = hub.api();
            long task = api.buildContainer(new BuildContainerRequest(src, tgt, opts,
                    background ? BACKGROUND_PRIORITY : null)).taskId();
            ConsoleLinks links = new ConsoleLinks(api.base());
            out.println("Created task: " + task);
            out.println("Task info: " + links.taskApi(task));
            out.println("Console: " + links.task(task));
            out.println("Source: " + src + "  target: " + tgt);
            out.flush();
            if (nowait) {
                out.println("Not watching; follow it with: slipway watch-task " + task);
                return 0;
            }
            return new TaskWatcher(api, out, err).watch(task);
        });
    }

    /** The option rules the hub would refuse anyway, refused here as usage errors (exit 2) before any call. */
    private JsonNode checkOptions() {
        if (isolated && release == null) {
            throw usage("--isolated needs --release R (an isolated build reuses a version with a new release)");
        }
        if (!arches.isEmpty() && !scratch && !isolated) {
            throw usage("--arches is only for --scratch or --isolated builds");
        }
        if (scratch && isolated) {
            throw usage("--scratch and --isolated exclude each other");
        }
        if (userdata == null) {
            return null;
        }
        try {
            JsonNode n = Json.mapper().readTree(userdata);
            if (n == null || !n.isObject()) {
                throw usage("--userdata must be a JSON object, e.g. '{\"ticket\": \"RHBZ#1\"}'");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw usage("--userdata is not JSON: " + e.getOriginalMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
