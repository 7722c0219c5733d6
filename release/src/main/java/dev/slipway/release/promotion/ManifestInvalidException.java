package dev.slipway.release.promotion;

import dev.slipway.common.error.SlipwayException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Promotion manifests that failed validation, with every problem found (not just the first), so one run tells a
 * reviewer all that needs fixing. The exception's code is the first problem's.
 */
public final class ManifestInvalidException extends SlipwayException {
    private static final long serialVersionUID = 1L;
    private final transient List<ManifestProblem> problems;

    public ManifestInvalidException(List<ManifestProblem> problems) {
        super(problems.get(0).code(), "Tried to read the promotion manifests but found " + problems.size()
                + " problem" + (problems.size() == 1 ? "" : "s") + ":\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ManifestProblem> problems() {
        return problems;
    }
}
