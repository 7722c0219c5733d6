package dev.slipway.worker.dockerfile;

import java.util.Objects;

/**
 * The effective value of one label and where it came from.
 *
 * @param value the value after ENV/ARG substitution
 * @param line the line of the LABEL instruction that set it last
 * @param explicit true when that LABEL wrote the name and value literally; false when either was produced by
 *     substituting an ENV or ARG variable (so its value depends on variables, not on the LABEL text alone)
 */
public record LabelValue(String value, int line, boolean explicit) {
    public LabelValue {
        Objects.requireNonNull(value, "value");
    }
}
