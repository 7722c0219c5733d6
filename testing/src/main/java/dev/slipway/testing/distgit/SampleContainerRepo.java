package dev.slipway.testing.distgit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The sample container repository every build test uses: a Dockerfile FROM the RPM-based base image by tag, a RUN
 * step that installs one more RPM and removes one, the OSBS-required labels, and two commits (1.0, then 1.1).
 */
public final class SampleContainerRepo {
    public static final String COMPONENT = "hello-container";
    public static final String NAME = "slipway/hello";

    private final DistGitRepo repo;
    private final String first;
    private final String second;

    private SampleContainerRepo(DistGitRepo repo, String first, String second) {
        this.repo = repo;
        this.first = first;
        this.second = second;
    }

    /**
     * Creates the repository.
     *
     * @param baseImage the parent by tag, e.g. {@code 127.0.0.1:5123/fedora:40}
     * @param addedRpm an RPM file the RUN step installs
     * @param removedPackage the name of a base-image package the RUN step removes
     */
    public static SampleContainerRepo create(Path dir, String baseImage, Path addedRpm, String removedPackage) {
        try {
            DistGitRepo repo = DistGitRepo.create(dir, "hello", "f40");
            byte[] rpm = Files.readAllBytes(addedRpm);
            String rpmName = addedRpm.getFileName().toString();
            String first = repo.commit(Map.of(
                    "Dockerfile", dockerfile(baseImage, rpmName, removedPackage, "1.0").getBytes(StandardCharsets.UTF_8),
                    rpmName, rpm,
                    "README.md", "Sample container for Slipway tests.\n".getBytes(StandardCharsets.UTF_8)),
                    "Initial import of hello-container 1.0");
            String second = repo.commit(Map.of(
                    "Dockerfile", dockerfile(baseImage, rpmName, removedPackage, "1.1").getBytes(StandardCharsets.UTF_8)),
                    "Update to 1.1");
            return new SampleContainerRepo(repo, first, second);
        } catch (IOException e) {
            throw new IllegalStateException("Reading " + addedRpm + " failed", e);
        }
    }

    static String dockerfile(String baseImage, String rpmName, String removedPackage, String version) {
        return """
                # Sample layered image: one RPM added, one removed.
                ARG BASE=%s
                FROM ${BASE}

                LABEL com.redhat.component="%s" \\
                      name="%s" \\
                      version="%s" \\
                      summary="A sample layered image built by Slipway" \\
                      description="Adds one RPM to the base image and removes another." \\
                      io.k8s.description="Sample image" \\
                      license="MIT"

                COPY %s /tmp/
                RUN rpm -i --nodeps /tmp/%s \\
                 && rpm -e --nodeps %s \\
                 && rm -f /tmp/%s
                CMD ["/bin/sh"]
                """.formatted(baseImage, COMPONENT, NAME, version, rpmName, rpmName, removedPackage, rpmName);
    }

    public DistGitRepo repo() {
        return repo;
    }

    /** The commit with version 1.0. */
    public String firstCommit() {
        return first;
    }

    /** The commit with version 1.1 (HEAD). */
    public String secondCommit() {
        return second;
    }
}
