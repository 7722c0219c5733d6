package dev.slipway.cli;

import dev.slipway.cli.admin.AddHostCommand;
import dev.slipway.cli.admin.AddPkgCommand;
import dev.slipway.cli.admin.AddTagCommand;
import dev.slipway.cli.admin.AddTargetCommand;
import dev.slipway.cli.admin.AddUserCommand;
import dev.slipway.cli.admin.BlockPkgCommand;
import dev.slipway.cli.admin.CreateTokenCommand;
import dev.slipway.cli.admin.EditHostCommand;
import dev.slipway.cli.admin.ListHostsCommand;
import dev.slipway.cli.admin.ListTagsCommand;
import dev.slipway.cli.admin.ListTargetsCommand;
import dev.slipway.cli.admin.ListTokensCommand;
import dev.slipway.cli.admin.RevokeTokenCommand;
import dev.slipway.cli.admin.UnblockPkgCommand;
import dev.slipway.cli.admin.WhoamiCommand;
import dev.slipway.cli.build.BuildInfoCommand;
import dev.slipway.cli.build.ContainerBuildCommand;
import dev.slipway.cli.build.DownloadCommand;
import dev.slipway.cli.build.ListBuildsCommand;
import dev.slipway.cli.build.PackageImagesCommand;
import dev.slipway.cli.hub.ExitStatus;
import dev.slipway.cli.lookaside.ServeLookasideCommand;
import dev.slipway.cli.promote.PromoteCommand;
import dev.slipway.cli.promote.PublicationsCommand;
import dev.slipway.cli.task.CancelCommand;
import dev.slipway.cli.task.ListTasksCommand;
import dev.slipway.cli.task.ResubmitCommand;
import dev.slipway.cli.task.TaskInfoCommand;
import dev.slipway.cli.task.WatchTaskCommand;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * The {@code slipway} command; each subcommand lives in its own package and is registered here. {@link #commandLine}
 * is the one way to build it: every verb's --help lists the {@link ExitStatus}es, and an unknown verb or option is
 * a usage error (exit 2) even next to {@code --help}.
 */
@Command(name = "slipway", mixinStandardHelpOptions = true, version = "slipway 0.1.0",
        description = "Slipway's client: builds, tasks and administration on the hub; promotion of images.",
        footerHeading = "%nConfiguration:%n",
        footer = {"Flags, else the environment ($SLIPWAY_HUB, $SLIPWAY_TOKEN, $SLIPWAY_TOKEN_FILE), else "
            + "~/.config/slipway/config.yaml ($SLIPWAY_CONFIG): hub, token_file, insecure_registries."},
        subcommands = {ContainerBuildCommand.class, WatchTaskCommand.class, TaskInfoCommand.class,
            CancelCommand.class, ResubmitCommand.class, ListTasksCommand.class, BuildInfoCommand.class,
            ListBuildsCommand.class, PackageImagesCommand.class, DownloadCommand.class, ListHostsCommand.class,
            EditHostCommand.class, ListTargetsCommand.class, ListTagsCommand.class, AddTagCommand.class,
            AddTargetCommand.class, AddPkgCommand.class, BlockPkgCommand.class, UnblockPkgCommand.class,
            AddUserCommand.class, AddHostCommand.class, CreateTokenCommand.class, ListTokensCommand.class,
            RevokeTokenCommand.class, WhoamiCommand.class, PromoteCommand.class, PublicationsCommand.class,
            ServeLookasideCommand.class, CompletionCommand.class})
public final class SlipwayCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing verb (try 'container-build' or --help)");
    }

    /** The whole command, ready to execute. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SlipwayCommand());
        document(cl);
        cl.setExecutionStrategy(SlipwayCommand::strictly);
        cl.setParameterExceptionHandler(SlipwayCommand::usageError);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("slipway: failed unexpectedly: " + e);
            cmd.getErr().flush();
            return ExitStatus.FAILED.code();
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Every verb without a list of its own documents the common exit statuses in its --help. */
    private static void document(CommandLine cl) {
        CommandLine.Model.UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
        if (usage.exitCodeList().isEmpty()) {
            usage.exitCodeListHeading(ExitStatus.HEADING).exitCodeList(ExitStatus.helpList());
        }
        cl.getSubcommands().values().forEach(SlipwayCommand::document);
    }

    /** A usage error: one line saying what is wrong, picocli's "did you mean", where to find help; exit 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-") && cmd.getCommandSpec().subcommands().size() > 0) {
            message = "Unknown verb '" + u.getUnmatched().get(0) + "'";
        }
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + message);
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitStatus.USAGE.code();
    }

    /**
     * Picocli lets {@code --help} win over an unknown verb or option ({@code slipway no-such-verb --help} would print
     * the top-level usage and exit 0); here anything left unmatched anywhere is a usage error first.
     */
    private static int strictly(ParseResult parsed) {
        List<String> unmatched = new ArrayList<>();
        CommandLine where = parsed.commandSpec().commandLine();
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (!p.unmatched().isEmpty()) {
                unmatched.addAll(p.unmatched());
                where = p.commandSpec().commandLine();
            }
        }
        if (!unmatched.isEmpty()) {
            throw new CommandLine.UnmatchedArgumentException(where, unmatched);
        }
        return new CommandLine.RunLast().execute(parsed);
    }
}
