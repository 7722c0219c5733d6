package dev.slipway.hub.koji;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A koji method's Python signature: parameter names in order, with defaults for the optional ones. Arguments are
 * bound like Python binds them: positional first, then the trailing {@code __starstar} struct as keywords; an
 * unknown keyword, a parameter given twice, too many positional arguments or a missing required one is a
 * ParameterError (the koji client relies on that to fall back to older forms of a call).
 *
 * @param params names; a name ending in {@code =} has the default null, {@code name=False} the default false
 */
record Signature(String method, List<String> params) {
    static final String STARSTAR = "__starstar";

    Signature {
        params = List.copyOf(params);
    }

    static Signature of(String method, String... params) {
        return new Signature(method, List.of(params));
    }

    /** Binds call arguments to names. */
    Args bind(List<Object> given) {
        List<Object> positional = new ArrayList<>(given);
        Map<String, Object> keywords = Map.of();
        if (!positional.isEmpty() && positional.get(positional.size() - 1) instanceof Map<?, ?> last
                && Boolean.TRUE.equals(last.get(STARSTAR))) {
            Map<String, Object> kw = new LinkedHashMap<>();
            last.forEach((k, v) -> kw.put(String.valueOf(k), v));
            kw.remove(STARSTAR);
            keywords = kw;
            positional.remove(positional.size() - 1);
        }
        if (positional.size() > params.size()) {
            throw KojiFault.parameter(method + "() takes at most " + params.size() + " arguments ("
                    + positional.size() + " given)");
        }
        Map<String, Object> bound = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            String name = name(p);
            if (i < positional.size()) {
                bound.put(name, positional.get(i));
            }
        }
        for (Map.Entry<String, Object> e : keywords.entrySet()) {
            if (!names().contains(e.getKey())) {
                throw KojiFault.parameter(method + "() got an unexpected keyword argument '" + e.getKey() + "'");
            }
            if (bound.containsKey(e.getKey())) {
                throw KojiFault.parameter(method + "() got multiple values for argument '" + e.getKey() + "'");
            }
            bound.put(e.getKey(), e.getValue());
        }
        for (String p : params) {
            String name = name(p);
            if (!bound.containsKey(name)) {
                if (!p.contains("=")) {
                    throw KojiFault.parameter(method + "() missing required argument '" + name + "'");
                }
                bound.put(name, defaultOf(p));
            }
        }
        return new Args(method, bound);
    }

    List<String> names() {
        return params.stream().map(Signature::name).toList();
    }

    /** {@code (task_id, request=False, strict=False)}, as koji's _listapi shows it. */
    String argdesc() {
        return "(" + String.join(", ", params.stream().map(p -> p.endsWith("=") ? p + "None" : p).toList()) + ")";
    }

    /** koji's {@code args}: names, with {@code [name, default]} pairs for the optional ones. */
    List<Object> args() {
        List<Object> out = new ArrayList<>();
        for (String p : params) {
            if (p.contains("=")) {
                List<Object> pair = new ArrayList<>();
                pair.add(name(p));
                pair.add(defaultOf(p));
                out.add(pair);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** The old {@code argspec}: [args, varargs, varkw, defaults]. */
    List<Object> argspec() {
        List<Object> defaults = new ArrayList<>();
        for (String p : params) {
            if (p.contains("=")) {
                defaults.add(defaultOf(p));
            }
        }
        List<Object> out = new ArrayList<>();
        out.add(names());
        out.add(null);
        out.add(null);
        out.add(defaults.isEmpty() ? null : defaults);
        return out;
    }

    private static String name(String p) {
        int eq = p.indexOf('=');
        return eq < 0 ? p : p.substring(0, eq);
    }

    private static Object defaultOf(String p) {
        String d = p.substring(p.indexOf('=') + 1);
        return switch (d) {
            case "", "None" -> null;
            case "False" -> Boolean.FALSE;
            case "True" -> Boolean.TRUE;
            default -> d.matches("-?\\d+") ? (Object) Integer.parseInt(d) : d;
        };
    }
}
