package dev.slipway.common.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slipway.common.error.InvalidValueException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for image references and digests (docs/fuzzing.md): any text either parses, and then prints back to
 * a reference that parses to the same value, or is refused with an {@link InvalidValueException}; anything else
 * escaping, a hang or an out-of-memory is a finding. Kept corpus: {@code ImageReferenceFuzzTestInputs/reference}.
 */
class ImageReferenceFuzzTest {
    @Timeout(30)
    @FuzzTest(maxDuration = "6s")
    void reference(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            ImageReference reference = ImageReference.parse(text);
            assertEquals(reference, ImageReference.parse(reference.toString()), "printed form parses back");
            reference.apiReference();
            reference.apiHost();
        } catch (InvalidValueException expected) {
            // The parser's own refusal of a malformed reference.
        }
        try {
            Digest digest = Digest.parse(text);
            assertEquals(digest, Digest.parse(digest.toString()), "printed form parses back");
        } catch (InvalidValueException expected) {
            // The parser's own refusal of a malformed digest.
        }
    }
}
