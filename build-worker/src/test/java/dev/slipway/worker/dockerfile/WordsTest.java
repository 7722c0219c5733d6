package dev.slipway.worker.dockerfile;

import static dev.slipway.worker.dockerfile.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {
    private static Instruction ins(String keyword, String args) {
        String text = keyword + " " + args;
        return new Instruction(4, 4, keyword, List.of(), Arguments.shell(args), text);
    }

    @Test
    void split_keepsQuotedSpacesAndQuotes() {
        assertEquals(List.of("a=\"x y\"", "b='c d'", "e=f\\ g"), Words.split("a=\"x y\"  b='c d' e=f\\ g", '\\'));
    }

    @Test
    void split_escapedQuote_doesNotOpenAQuote() {
        assertEquals(List.of("a=\\\"x", "y"), Words.split("a=\\\"x y", '\\'));
        assertEquals(List.of("a=\"x\\\" y\""), Words.split("a=\"x\\\" y\"", '\\'));
    }

    @Test
    void nameValues_oldForm_valueIsRestOfLine() {
        assertEquals(List.of(new Words.KeyValue("PATH", "/a b  c")), Words.nameValues(ins("ENV", "PATH /a b  c"), '\\'));
    }

    @Test
    void nameValues_newForm_severalPairs() {
        assertEquals(List.of(new Words.KeyValue("a", "1"), new Words.KeyValue("b", "\"x=y z\"")),
                Words.nameValues(ins("LABEL", "a=1 b=\"x=y z\""), '\\'));
    }

    @Test
    void nameValues_malformed_refused() {
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> Words.nameValues(ins("ENV", "ONLYNAME"), '\\'),
                "line 4", "ENV ONLYNAME has no value");
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> Words.nameValues(ins("LABEL", "a=1 b"), '\\'),
                "'b' has no '='");
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> Words.nameValues(ins("LABEL", "=v"), '\\'),
                "can not be blank");
    }

    @Test
    void args_nameAndDefaults() {
        assertEquals(List.of(new Words.KeyValue("A", null), new Words.KeyValue("B", "\"x y\"")),
                Words.args(ins("ARG", "A B=\"x y\""), '\\'));
    }
}
