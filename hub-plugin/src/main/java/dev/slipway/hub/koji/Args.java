package dev.slipway.hub.koji;

import java.util.List;
import java.util.Map;

/** One call's arguments bound to their names, with typed accessors that answer ParameterError on a wrong type. */
final class Args {
    private final String method;
    private final Map<String, Object> values;

    Args(String method, Map<String, Object> values) {
        this.method = method;
        this.values = values;
    }

    Object raw(String name) {
        return values.get(name);
    }

    boolean isNull(String name) {
        return values.get(name) == null;
    }

    /** True when the value is Python-truthy (koji tests most flags that way). */
    boolean flag(String name) {
        Object v = values.get(name);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.longValue() != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        throw wrong(name, "a boolean");
    }

    /** An integer argument (null when nil). */
    Long number(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        throw wrong(name, "an integer");
    }

    long requiredNumber(String name) {
        Long v = number(name);
        if (v == null) {
            throw KojiFault.parameter(method + ": " + name + " is required");
        }
        return v;
    }

    String text(String name) {
        Object v = values.get(name);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw wrong(name, "a string");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> struct(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?>) {
            return (Map<String, Object>) v;
        }
        throw wrong(name, "a struct");
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof List<?>) {
            return (List<Object>) v;
        }
        throw wrong(name, "an array");
    }

    /** Refuses, clearly, any of {@code names} that is set: koji features the hub does not have. */
    void unsupported(String... names) {
        for (String n : names) {
            Object v = values.get(n);
            if (v != null && !Boolean.FALSE.equals(v)) {
                throw KojiFault.parameter(method + ": " + n + " is not supported by this hub");
            }
        }
    }

    private KojiFault wrong(String name, String what) {
        return KojiFault.parameter(method + ": " + name + " must be " + what + ", not "
                + KojiValues.typeName(values.get(name)));
    }
}
