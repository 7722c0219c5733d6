package dev.slipway.hub.http;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import io.vertx.core.MultiMap;
import java.util.Arrays;

/** Typed access to already-checked query parameters. */
public final class Query {
    private final MultiMap params;

    Query(MultiMap params) {
        this.params = params;
    }

    /** The value, or null when absent. */
    public String text(String name) {
        String v = params.get(name);
        if (v != null && (v.isEmpty() || v.length() > 512)) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, name + " must be 1-512 characters");
        }
        return v;
    }

    /** An integer within [min, max], or {@code dflt} when absent. */
    public long number(String name, long dflt, long min, long max) {
        String v = params.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new SlipwayException(ErrorCode.BAD_PARAMETER, name + " must be a number from " + min + " to " + max);
    }

    /** true or false, or {@code dflt} when absent. */
    public boolean flag(String name, boolean dflt) {
        String v = params.get(name);
        if (v == null) {
            return dflt;
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new SlipwayException(ErrorCode.BAD_PARAMETER, name + " must be true or false");
    }

    /** An enum constant by name, or null when absent. */
    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        String v = params.get(name);
        if (v == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        throw new SlipwayException(ErrorCode.BAD_PARAMETER, name + " must be one of "
                + Arrays.toString(type.getEnumConstants()));
    }
}
