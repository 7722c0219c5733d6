package dev.slipway.testing.demo;

import dev.slipway.testing.sample.SampleSource;
import java.nio.file.Path;

/**
 * Prepares the demo's inputs (scripts/demo.sh): RPMs, the base image pushed to the demo registry, and the dist-git
 * repository. Prints shell assignments ({@code SOURCE=...}) for the script to evaluate.
 */
public final class PrepareDemo {
    private PrepareDemo() {
    }

    public static void main(String[] args) {
        String registry = null;
        Path dir = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--registry" -> registry = args[i + 1];
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (registry == null || dir == null) {
            throw new IllegalArgumentException("usage: PrepareDemo --registry host:port --dir DIR");
        }
        SampleSource sample = SampleSource.create(registry, dir.resolve("dist-git"));
        String source = sample.repo().repo().source(sample.repo().secondCommit());
        System.out.println("SOURCE='" + source + "'");
        System.out.println("PARENT='" + sample.parent() + "'");
        System.out.println("FIRST_COMMIT='" + sample.repo().firstCommit() + "'");
    }
}
