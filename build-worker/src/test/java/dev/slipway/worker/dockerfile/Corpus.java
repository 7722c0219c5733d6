package dev.slipway.worker.dockerfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the test Dockerfiles under {@code src/test/resources/dockerfile/} and their {@code # key: value} notes. */
final class Corpus {
    private Corpus() {
    }

    static Path dir(String name) {
        try {
            return Path.of(Corpus.class.getResource("/dockerfile/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> dockerfiles(String dirName) {
        try (Stream<Path> files = Files.list(dir(dirName))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".Dockerfile")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of every {@code # key: value} comment line, in order. */
    static List<String> notes(String text, String key) {
        List<String> values = new ArrayList<>();
        String prefix = "# " + key + ":";
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                values.add(line.substring(prefix.length()).strip());
            }
        }
        return values;
    }
}
