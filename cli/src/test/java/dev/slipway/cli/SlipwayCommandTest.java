package dev.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command as a whole: usage errors, documented exit statuses, shell completion. */
class SlipwayCommandTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SlipwayCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void unknownVerb_exitsTwo_withOrWithoutHelp() {
        for (List<String> args : List.of(List.of("no-such-verb"), List.of("no-such-verb", "--help"),
                List.of("--help", "no-such-verb"))) {
            Run r = run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r.err());
            assertTrue(r.err().contains("Unknown verb 'no-such-verb'"), r.err());
            assertTrue(!r.out().contains("Usage:"), "no usage printed as if help were asked: " + r.out());
        }
    }

    @Test
    void unknownOption_exitsTwo_withOrWithoutHelp_andSuggestsTheVerb() {
        Run r = run("list-tasks", "--no-such-option", "--help");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("Unknown option: '--no-such-option'"), r.err());
        Run typo = run("watch-tsk", "7");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("slipway watch-task"), typo.err());
        assertEquals(2, run().exit(), "no verb");
    }

    @Test
    void help_ofEveryVerb_documentsTheExitStatuses() {
        CommandLine root = SlipwayCommand.commandLine();
        List<CommandLine> all = new ArrayList<>(List.of(root));
        for (int i = 0; i < all.size(); i++) {
            all.addAll(all.get(i).getSubcommands().values());
        }
        assertTrue(all.size() > 30, "every verb: " + all.size());
        for (CommandLine c : all) {
            if (c.getCommandName().equals("promote")) {
                continue; // its own list: refused plan 1, invalid manifests 2
            }
            String help = c.getUsageMessage();
            assertTrue(help.contains("Exit status:") && help.contains("4     the hub could not be reached")
                    && help.contains("3     authentication"), c.getCommandSpec().qualifiedName() + ":\n" + help);
        }
        assertEquals(0, run("container-build", "--help").exit());
    }

    @Test
    void blockAndUnblock_keepTheirOwnVerbAndHelp_andTheListingsTheirPaging() {
        String block = run("block-pkg", "--help").out();
        assertTrue(block.contains("slipway block-pkg") && block.contains("Block packages in a tag") && block
                .contains("Package names"), block);
        String unblock = run("unblock-pkg", "--help").out();
        assertTrue(unblock.contains("slipway unblock-pkg") && unblock.contains("Unblock packages in a tag"), unblock);
        assertEquals(2, run("block-pkg", "f40").exit(), "a tag without packages is a usage error");
        for (String verb : List.of("list-tasks", "list-builds")) {
            String help = run(verb, "--help").out();
            assertTrue(help.contains("--offset") && help.contains("--limit") && help.contains("--json"), help);
        }
    }

    @Test
    void hubVerb_unreachableHub_exitsFour() {
        Run r = run("whoami", "--hub", "http://127.0.0.1:1");
        assertEquals(4, r.exit(), r.err());
        assertTrue(r.err().contains("HUB_UNREACHABLE (12000)"), r.err());
    }

    @Test
    void containerBuild_optionsTheHubWouldRefuse_exitTwoBeforeAnyCall() {
        for (List<String> args : List.of(List.of("--isolated"), List.of("--arches", "x86_64"),
                List.of("--scratch", "--userdata", "[1]"), List.of("--scratch", "--userdata", "{not json"),
                List.of("--scratch", "--isolated", "--release", "2"))) {
            List<String> all = new ArrayList<>(List.of("container-build", "--hub", "http://127.0.0.1:1"));
            all.addAll(args);
            Run r = run(all.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r.err());
            assertTrue(!r.err().contains("HUB_UNREACHABLE"), "refused before calling the hub: " + r.err());
        }
    }

    @Test
    void completion_isValidBash_andCompletesAVerb(@TempDir Path dir) throws Exception {
        Run r = run("completion");
        assertEquals(0, r.exit());
        Path script = Files.writeString(dir.resolve("slipway.bash"), r.out());
        CommandResult syntax = Command.of("bash", "-n", script.toString()).timeout(Duration.ofSeconds(30)).run();
        assertTrue(syntax.ok(), syntax.output());
        String probe = "source " + script + "\nCOMP_WORDS=(slipway contain)\nCOMP_CWORD=1\nCOMP_LINE='slipway contain'"
                + "\nCOMP_POINT=${#COMP_LINE}\n_complete_slipway slipway contain slipway\necho \"${COMPREPLY[@]}\"\n"
                + "COMP_WORDS=(slipway container-build --scr)\nCOMP_CWORD=2\nCOMP_LINE='slipway container-build --scr'"
                + "\nCOMP_POINT=${#COMP_LINE}\n_complete_slipway slipway --scr container-build\necho \"${COMPREPLY[@]}\"\n";
        CommandResult completed = Command.of("bash", "-c", probe).env(Map.of()).timeout(Duration.ofSeconds(30)).run();
        assertTrue(completed.ok(), completed.output());
        assertEquals(List.of("container-build", "--scratch"), completed.stdout().lines().map(String::strip).toList(),
                completed.output());
    }
}
