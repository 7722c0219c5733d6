package dev.slipway.worker.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonArrayTest {
    private static JsonArray.Result read(String text) {
        return JsonArray.read(text);
    }

    @Test
    void read_arrayOfStrings_isExecForm() {
        JsonArray.Result r = read("[\"a\", \"b c\"]");
        assertEquals(JsonArray.Kind.STRINGS, r.kind());
        assertEquals(List.of("a", "b c"), r.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1]", "[\"a\", 1]", "[null]", "[true]", "[false]", "[[\"a\"]]", "[{\"a\": \"b\"}]",
            "[1e5]", "[-0.5E-3]", "[[], {}]", "[{\"a\": [1, {\"b\": null}]}]"})
    void read_wellFormedArrayWithNonStrings_isTheBuildersError(String text) {
        assertEquals(JsonArray.Kind.NOT_STRINGS, read(text).kind(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"a\",]", "['a']", "[01]", "[-]", "[\"a\tb\"]", "[\"a\" \"b\"]", "[{a: \"b\"}]",
            "[ -f /x ]", "[1.]", "[.5]", "[tru]", "[\"\\x\"]", "[\"\\u12g4\"]", "[1,,2]", "[{\"a\" 1}]"})
    void read_malformedJson_isShellForm(String text) {
        JsonArray.Result r = read(text);
        assertEquals(JsonArray.Kind.MALFORMED, r.kind(), text);
        assertFalse(r.unterminated(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "[\"a\"", "[1, ", "[\"a", "[\"\\u00", "[{\"a\": [1"})
    void read_textEndingInsideTheArray_isUnterminated(String text) {
        JsonArray.Result r = read(text);
        assertEquals(JsonArray.Kind.MALFORMED, r.kind(), text);
        assertTrue(r.unterminated(), text);
    }

    @Test
    void read_textAfterTheArray_isLeftOverLikeGosDecoder() {
        JsonArray.Result r = read("[\"a\"] b");
        assertEquals(JsonArray.Kind.STRINGS, r.kind());
        assertEquals(" b", "[\"a\"] b".substring(r.end()));
        assertEquals(JsonArray.Kind.STRINGS, read("[\"a\"]]").kind());
    }

    @Test
    void read_escapes_decodedAndLoneSurrogatesReplacedAsGoDoes() {
        assertEquals(List.of("\uD83D\uDE00", "\uFFFD", "\u00e9\n/\""),
                read("[\"\\ud83d\\ude00\", \"\\ud800\", \"\\u00e9\\n\\/\\\"\"]").values());
    }

    @Test
    void read_emptyArray_isExecFormWithNoValues() {
        assertEquals(List.of(), read("[ ]").values());
        assertEquals(JsonArray.Kind.STRINGS, read("[]").kind());
    }

    @Test
    void read_deepNesting_endsWithoutExhaustingTheStack() {
        String deep = "[" + "[".repeat(200_000) + "]".repeat(200_000) + "]";
        assertEquals(JsonArray.Kind.MALFORMED, read(deep).kind());
        String fine = "[" + "[".repeat(5_000) + "]".repeat(5_000) + "]";
        assertEquals(JsonArray.Kind.NOT_STRINGS, read(fine).kind());
    }
}
