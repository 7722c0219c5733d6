package dev.slipway.cli.promote;

import dev.slipway.cli.hub.ExitStatus;
import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.JsonOut;
import dev.slipway.cli.hub.Query;
import dev.slipway.cli.hub.Verb;
import dev.slipway.release.promotion.AuditLog;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway publications push|list}: where promoted builds went, as the hub records it. */
@Command(name = "publications", mixinStandardHelpOptions = true,
        description = "Record promotion audit lines on the hub (push) or list a digest's publications.",
        subcommands = {PublicationsCommand.Push.class, PublicationsCommand.ListDigest.class})
public final class PublicationsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing verb: push or list");
    }

    /** {@code slipway publications push}: every line of an audit file, recorded once (repeats are harmless). */
    @Command(name = "push", mixinStandardHelpOptions = true,
            description = "Record every line of a promotion audit file on the hub (releng; idempotent).")
    static final class Push implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        HubOptions hub;

        @Option(names = "--audit", description = "The audit file (JSON lines)")
        Path audit;

        @Option(names = "--manifests", description = "Or the promotion checkout whose default audit file to push")
        Path manifests;

        @Override
        public Integer call() {
            if ((audit == null) == (manifests == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Give exactly one of --audit FILE and "
                        + "--manifests DIR");
            }
            Path file = audit != null ? audit : AuditLog.defaultFile(manifests);
            return Verb.run(spec.commandLine().getErr(), () -> {
                PublicationRecorder.Outcome o = new PublicationRecorder(hub.api(), spec.commandLine().getOut())
                        .push(PublicationRecorder.linesFrom(file, 0));
                spec.commandLine().getOut().println(o.recorded() + " recorded, " + o.alreadyRecorded()
                        + " already recorded, " + o.notHubBuilds() + " not hub builds, " + o.pending() + " pending");
                return o.complete() ? 0 : ExitStatus.UNREACHABLE.code();
            });
        }
    }

    /** {@code slipway publications list --digest D}: that digest's publications, oldest first. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the publications of a digest.")
    static final class ListDigest implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        HubOptions hub;

        @Option(names = "--digest", required = true, description = "sha256:<hex>")
        String digest;

        @Option(names = "--json", description = "Print the hub's list: [{id, build_id, nvr, destination, digest, "
                + "pull_spec, tags, published_at, commit, author, signature, signer, recorded_by...}]")
        boolean asJson;

        @Override
        public Integer call() {
            return Verb.run(spec.commandLine().getErr(), () -> {
                var list = hub.api().get("/api/v1/publications?" + new Query().add("digest", digest));
                if (asJson) {
                    return JsonOut.print(spec.commandLine().getOut(), list);
                }
                list.forEach(p -> spec.commandLine().getOut().println(p.path("nvr").asText() + "  "
                        + p.path("pull_spec").asText() + "  " + p.path("tags") + "  " + p.path("published_at").asText()
                        + "  signature " + p.path("signature").asText()));
                return 0;
            });
        }
    }
}
