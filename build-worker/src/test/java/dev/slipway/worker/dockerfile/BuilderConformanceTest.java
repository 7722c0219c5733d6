package dev.slipway.worker.dockerfile;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Slipway's parser against what Docker Engine 20.10's builder did with the same Dockerfiles
 * ({@code dockerfile/builder-conformance.txt}, recorded with {@code docker build}): what the builder refuses,
 * Slipway refuses; what it accepts, Slipway accepts, or refuses with a message that says the builder accepts it
 * and why Slipway does not.
 */
class BuilderConformanceTest {
    private static final String DELIBERATE = "Slipway refuses it because";

    static Stream<Arguments> cases() {
        String table = Corpus.read(Corpus.dir("builder-conformance.txt"));
        List<Arguments> cases = new ArrayList<>();
        for (String line : table.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            cases.add(Arguments.of(parts[0], unescape(parts[1])));
        }
        return cases.stream();
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char e = text.charAt(++i);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void parse_agreesWithTheBuilder(String builder, String dockerfile) {
        switch (builder) {
            case "accept" -> {
                try {
                    Dockerfile.parse(dockerfile);
                } catch (DockerfileException e) {
                    assertTrue(e.getMessage().contains(DELIBERATE), "the builder accepts this, so a refusal must"
                            + " say why Slipway does not: " + e.getMessage());
                }
            }
            case "refuse" -> {
                DockerfileException e = assertThrows(DockerfileException.class, () -> Dockerfile.parse(dockerfile));
                assertFalse(e.getMessage().contains("builder accepts"), e.getMessage());
            }
            case "refuse-step" -> assertDoesNotThrow(() -> {
                try {
                    Dockerfile.parse(dockerfile);
                } catch (DockerfileException e) {
                    // Refusing early what fails later anyway is fine; anything else escaping is not.
                }
            });
            default -> fail("unknown outcome " + builder);
        }
    }

    @Test
    void table_coversEveryKindOfRule() {
        assertTrue(cases().count() >= 120, "at least 120 recorded cases");
    }
}
