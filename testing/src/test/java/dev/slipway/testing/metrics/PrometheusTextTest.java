package dev.slipway.testing.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    private static final String GOOD = """
            # HELP builds_total Builds by state
            # TYPE builds_total counter
            builds_total{state="COMPLETE"} 3.0
            builds_total{state="FAILED",code="5001"} 1
            # TYPE step_seconds histogram
            step_seconds_bucket{step="push",le="0.5"} 1
            step_seconds_bucket{step="push",le="+Inf"} 2
            step_seconds_count{step="push"} 2
            step_seconds_sum{step="push"} 1.75
            # TYPE up gauge
            up{path="a\\\\b \\"q\\" \\n"} 1 1700000000000
            odd_untyped NaN
            """;

    @Test
    void parse_wellFormedExposition_readsEverySample() {
        PrometheusText p = PrometheusText.parse(GOOD);
        assertEquals(3.0, p.value("builds_total", "state", "COMPLETE").orElseThrow());
        assertEquals(1.0, p.value("builds_total", "code", "5001").orElseThrow());
        assertEquals("histogram", p.type("step_seconds"));
        assertEquals(1.75, p.value("step_seconds_sum", "step", "push").orElseThrow());
        assertEquals("a\\b \"q\" \n", p.samples("up").get(0).labels().get("path"));
        assertTrue(Double.isNaN(p.value("odd_untyped").orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "x 1",                                                       // no final line feed
        "x{a=\"1\"} one\n",                                          // not a number
        "x{a=1} 1\n",                                                // unquoted label value
        "x{a=\"1\",a=\"2\"} 1\n",                                    // label twice
        "x{1a=\"1\"} 1\n",                                           // bad label name
        "x{a=\"\\t\"} 1\n",                                          // bad escape
        "x{a=\"1\" 1\n",                                             // unterminated labels
        "9x 1\n",                                                    // bad metric name
        "x 1\nx 2\n",                                                // duplicate series
        "x{a=\"1\"} 1\ny 1\nx{a=\"2\"} 1\n",                         // interleaved families
        "x 1\n# TYPE x gauge\n",                                     // TYPE after samples
        "# TYPE x gauges\nx 1\n",                                    // unknown type
        "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n", // not cumulative
        "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\n",     // no +Inf bucket
        "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_count 3\n",  // count disagrees
    })
    void parse_malformedExposition_isRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(text));
    }
}
