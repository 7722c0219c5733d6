package dev.slipway.release.promotion;

import dev.slipway.testing.registry.TestRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a test registry's raw access log for the benchmark: requests and blob bytes served or received. */
final class BenchLog {
    private static final Pattern LINE = Pattern.compile("\"(\\S+) (\\S+) [^\"]*\" (\\d{3}) (\\d+|-)");

    /** Requests, blob GET bytes and blob upload requests (PATCH, or PUT closing an upload) between two marks. */
    record Traffic(long requests, long heads, long blobBytesServed, long blobUploads) {
    }

    private BenchLog() {
    }

    /** The number of log lines so far (after the registry flushed everything answered). */
    static int mark(TestRegistry registry) {
        registry.requests(); // waits until every answered request is in the file
        return lines(registry).size();
    }

    static Traffic since(TestRegistry registry, int mark) {
        registry.requests();
        List<String> all = lines(registry);
        long requests = 0;
        long heads = 0;
        long served = 0;
        long uploads = 0;
        for (String line : all.subList(Math.min(mark, all.size()), all.size())) {
            Matcher m = LINE.matcher(line);
            if (!m.find() || m.group(2).contains("slipway-access-log-marker")) {
                continue;
            }
            requests++;
            String method = m.group(1);
            String path = m.group(2).replaceFirst("\\?.*", "");
            heads += method.equals("HEAD") ? 1 : 0;
            if (method.equals("GET") && path.matches(".*/blobs/sha256:.*") && !m.group(4).equals("-")) {
                served += Long.parseLong(m.group(4));
            }
            if (method.equals("PATCH") || (method.equals("PUT") && path.contains("/blobs/uploads/"))) {
                uploads++;
            }
        }
        return new Traffic(requests, heads, served, uploads);
    }

    private static List<String> lines(TestRegistry registry) {
        try {
            return Files.readAllLines(registry.accessLogFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
