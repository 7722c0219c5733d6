package dev.slipway.cli.promote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.Answer;
import dev.slipway.common.hub.HubClient;
import dev.slipway.common.hub.HubErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records promotion audit lines on the hub ({@code POST /api/v1/publications}, idempotent on destination and
 * digest), so a build shows where it was published. A hub that cannot be reached fails nothing: the lines stay in
 * the audit file for {@code slipway publications push}.
 */
final class PublicationRecorder {
    /** What one push did. */
    record Outcome(int recorded, int alreadyRecorded, int notHubBuilds, int pending) {
        boolean complete() {
            return pending == 0;
        }
    }

    private final HubClient hub;
    private final PrintWriter out;

    PublicationRecorder(HubClient hub, PrintWriter out) {
        this.hub = hub;
        this.out = out;
    }

    /** The audit file's lines from byte {@code offset} on (what one promotion run appended). */
    static List<String> linesFrom(Path audit, long offset) {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(audit)) {
            return lines;
        }
        try (RandomAccessFile f = new RandomAccessFile(audit.toFile(), "r")) {
            byte[] rest = new byte[(int) Math.max(0, f.length() - offset)];
            f.seek(offset);
            f.readFully(rest);
            new String(rest, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(lines::add);
            return lines;
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PROMOTION_AUDIT_FAILED, "Tried to read the audit file " + audit
                    + ": " + e.getMessage(), e);
        }
    }

    Outcome push(List<String> lines) {
        int recorded = 0;
        int again = 0;
        int foreign = 0;
        int pending = 0;
        for (String line : lines) {
            JsonNode record;
            try {
                record = hub.mapper().readTree(line);
            } catch (IOException e) {
                throw new SlipwayException(ErrorCode.PROMOTION_AUDIT_FAILED, "An audit line is not JSON: " + line);
            }
            String what = record.path("destination").asText() + "@" + record.path("digest").asText();
            Answer a;
            try {
                a = hub.exchange("POST", "/api/v1/publications", record);
            } catch (SlipwayException unreachable) {
                pending++;
                continue;
            }
            if (a.status() == 201) {
                recorded++;
                out.println("recorded on the hub: " + what + " (build " + a.json().path("nvr").asText() + ")");
            } else if (a.status() == 200) {
                again++;
            } else if (a.code() == ErrorCode.PUBLICATION_IMAGE_NOT_FOUND.code()) {
                foreign++;
                out.println("not recorded: " + what + " is no image of a hub build");
            } else if (a.status() >= 500) {
                pending++;
            } else {
                throw HubErrors.refusal("POST /api/v1/publications", a.status(), a.body(), hub.mapper());
            }
        }
        if (pending > 0) {
            out.println("The hub at " + hub.base() + " could not take " + pending + " publication(s); they stay in "
                    + "the audit file: record them later with slipway publications push");
        }
        out.flush();
        return new Outcome(recorded, again, foreign, pending);
    }
}
