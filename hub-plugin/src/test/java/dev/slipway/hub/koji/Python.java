package dev.slipway.hub.koji;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.json.Json;
import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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

    /** Runs one replay command (API tokens among the arguments stay out of messages); fails unless it exits 0. */
    static JsonNode replay(String baseUrl, String... args) {
        Command cmd = Command.of(PYTHON.toString(), script().toString(), baseUrl).timeout(Duration.ofMinutes(15));
        for (String a : args) {
            if (a.startsWith("slw_")) {
                cmd.secretArg(a);
            } else {
                cmd.arg(a);
            }
        }
        CommandResult r = cmd.run();
        if (!r.ok()) {
            throw new AssertionError("koji-replay " + cmd.redact(String.join(" ", args)) + " failed ("
                    + r.exitCode() + "):\n" + cmd.redact(r.stderr()) + r.stdout());
        }
        try {
            return Json.mapper().readTree(r.stdout());
        } catch (IOException e) {
            throw new AssertionError("koji-replay printed no JSON: " + r.stdout(), e);
        }
    }
}
