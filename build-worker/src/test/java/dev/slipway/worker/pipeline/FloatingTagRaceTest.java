package dev.slipway.worker.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.image.Nvr;
import dev.slipway.worker.pipeline.FloatingTagRace.Verdict;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatingTagRaceTest {
    private static final Nvr OURS = new Nvr("hello-container", "1.0", "5");

    @ParameterizedTest(name = "{0}-{1}-{2} under the tag: {3}")
    @CsvSource({
            "hello-container, 1.0, 6, NEWER_HOLDS",     // a later release finished first: it keeps latest
            "hello-container, 1.0, 10, NEWER_HOLDS",    // rpmvercmp, not string order
            "hello-container, 1.1, 1, NEWER_HOLDS",     // a newer version
            "hello-container, 1.0, 4, RETAG",           // an older release moved it last: ours goes back
            "hello-container, 0.9, 99, RETAG",
            "hello-container, 1.0, 5, FOREIGN",         // our NVR under another digest is never a race
            "other-container, 2.0, 1, FOREIGN",         // another component's image is a real mismatch
    })
    void theNewerNvrKeepsTheFloatingTag(String component, String version, String release, Verdict expected) {
        assertEquals(expected, FloatingTagRace.judge(OURS, Optional.of(component), Optional.of(version),
                Optional.of(release)));
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({"component", "version", "release"})
    void anImageWithoutIdentityLabelsIsForeign(String missing) {
        assertEquals(Verdict.FOREIGN, FloatingTagRace.judge(OURS,
                "component".equals(missing) ? Optional.empty() : Optional.of("hello-container"),
                "version".equals(missing) ? Optional.empty() : Optional.of("1.0"),
                "release".equals(missing) ? Optional.empty() : Optional.of("4")));
    }
}
