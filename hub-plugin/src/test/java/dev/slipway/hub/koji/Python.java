package dev.slipway.hub.koji;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs scripts/koji-replay.py with Debian's /usr/bin/python3 (standard library only), the XML-RPC client we did
 * not write, and answers the JSON it prints.
 */
final class Python {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private Python() {
    }

    /** The replay script, found from the module or the repository root. */
    static Path script() {
        for (Path p : List.of(Path.of("../scripts/koji-replay.py"), Path.of("scripts/koji-replay.py"))) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new AssertionError("scripts/koji-replay.py not found from " + Path.of("").toAbsolutePath());
    }

    /** Runs one replay command; fails the test with the script's stderr unless it exits 0. */
    static JsonNode replay(String baseUrl, String... args) {
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), script().toString(), baseUrl));
        cmd.addAll(List.of(args));
        try {
            Path err = Files.createTempFile("koji-replay", ".err");
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("koji-replay " + args[0] + " did not finish");
            }
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            if (p.exitValue() != 0) {
                throw new AssertionError("koji-replay " + String.join(" ", args) + " failed (" + p.exitValue()
                        + "):\n" + stderr + new String(out, StandardCharsets.UTF_8));
            }
            return Json.mapper().readTree(out);
        } catch (IOException e) {
            throw new AssertionError("Could not run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
