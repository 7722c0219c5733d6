package dev.slipway.common.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void run_programThatHangs_isKilledAtItsTimeout() {
        long start = System.nanoTime();
        CommandTimeoutException e = assertThrows(CommandTimeoutException.class,
                () -> Command.of("sleep", "600").timeout(TIMEOUT).run());
        assertNearTimeout(start);
        assertEquals(ErrorCode.COMMAND_FAILED, e.code());
        assertEquals("Tried `sleep 600` but it did not finish within 2 s; killed it", e.getMessage());
    }

    @Test
    void run_scriptWhoseChildrenHang_killsTheWholeTree(@TempDir Path dir) throws IOException {
        long start = System.nanoTime();
        SlipwayException e = assertThrows(SlipwayException.class, () -> Command.of("sh", "-c",
                "sleep 600 & echo $! > child.pid; sleep 600").in(dir).timeout(TIMEOUT).run());
        assertNearTimeout(start);
        assertTrue(e.getMessage().endsWith(" in " + dir + " but it did not finish within 2 s; killed it"),
                e.getMessage());
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());
        assertFalse(running(child), "the background child " + child + " still runs");
    }

    @Test
    void run_floodOfStdoutAndStderr_endsWithBoundedOutput() {
        CommandResult result = Command.of("sh", "-c", "head -c 50000000 /dev/zero; head -c 50000000 /dev/zero >&2")
                .timeout(Duration.ofSeconds(60)).run();
        assertEquals(0, result.exitCode());
        assertTrue(result.stdout().length() < 5_000_000, "stdout kept " + result.stdout().length());
        assertTrue(result.stderr().length() < 5_000_000, "stderr kept " + result.stderr().length());
        assertTrue(result.stdout().contains("[... output truncated: 45805696 bytes left out ...]"));
        assertTrue(result.stderr().contains("output truncated"));
    }

    @Test
    void run_smallOutputLimit_keepsTheStartAndTheEnd() {
        CommandResult result = Command.of("printf", "0123456789abcdefghij").outputLimit(8).run();
        assertEquals("0123\n[... output truncated: 12 bytes left out ...]\nghij", result.stdout());
    }

    @Test
    void run_nonZeroExit_givesExitCodeAndStderr() {
        CommandResult result = Command.of("sh", "-c", "echo out; echo broken >&2; exit 3").run();
        assertEquals(3, result.exitCode());
        assertEquals("out\n", result.stdout());
        assertEquals("broken\n", result.stderr());
        assertFalse(result.ok());
    }

    @Test
    void check_nonZeroExit_failsWithCallersCodeAndStderr() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> Command.of("sh", "-c",
                "echo broken >&2; exit 3").failingWith(ErrorCode.PROMOTION_GIT_FAILED).check());
        assertEquals(ErrorCode.PROMOTION_GIT_FAILED, e.code());
        assertEquals("Tried `sh -c echo broken >&2; exit 3` but it exited 3: broken", e.getMessage());
    }

    @Test
    void check_secretArgumentAndEnvironment_neverAppearInMessages() {
        Command command = Command.of("sh", "-c", "echo \"$1 $PASS\" >&2; exit 1", "script").secretArg("hunter2")
                .secretEnv("PASS", "s3cr3t-env");
        SlipwayException e = assertThrows(SlipwayException.class, command::check);
        assertEquals("Tried `sh -c echo \"$1 $PASS\" >&2; exit 1 script ***` but it exited 1: *** ***", e.getMessage());
        assertFalse(command.toString().contains("hunter2"));
    }

    @Test
    void run_missingProgram_saysWhatWasTried() {
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> Command.of("slipway-no-such-program", "--secret").secretArg("pa55word").run());
        assertEquals(ErrorCode.COMMAND_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("Tried `slipway-no-such-program --secret ***` but could not start it"),
                e.getMessage());
    }

    @Test
    void run_stdin_isDelivered() {
        assertEquals("hello\nworld", Command.of("cat").stdin("hello\nworld".getBytes(StandardCharsets.UTF_8)).output());
    }

    @Test
    void run_largeStdinEchoedBack_doesNotDeadlock() {
        CommandResult result = Command.of("cat").stdin(new byte[3_000_000]).timeout(Duration.ofSeconds(30)).run();
        assertEquals(0, result.exitCode());
        assertEquals(3_000_000, result.stdout().length());
    }

    @Test
    void run_environmentAndDirectory_areUsed(@TempDir Path dir) throws IOException {
        String out = Command.of("sh", "-c", "echo $GREETING; pwd").env("GREETING", "hi").in(dir).output();
        assertEquals("hi\n" + dir.toRealPath().toString() + "\n", out, out);
    }

    @Test
    void run_stdoutToFile_writesAllOfIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("zeros");
        CommandResult result = Command.of("head", "-c", "10000000", "/dev/zero").stdoutTo(file).outputLimit(16).run();
        assertEquals(10_000_000L, Files.size(file));
        assertEquals("", result.stdout());
    }

    private static void assertNearTimeout(long startNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        assertTrue(took.compareTo(TIMEOUT) >= 0 && took.compareTo(TIMEOUT.plusSeconds(3)) < 0, "took " + took);
    }

    /** Alive and not a zombie waiting for a parent (init here may not reap) to collect it. */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String text = Files.readString(stat);
        return !text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
    }
}
