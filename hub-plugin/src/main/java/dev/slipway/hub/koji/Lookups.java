package dev.slipway.hub.koji;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.admin.Directory;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Small helpers koji's lookups share: None for a missing thing unless strict, id-or-name arguments, types. */
final class Lookups {
    private static final Set<ErrorCode> MISSING = EnumSet.of(ErrorCode.NOT_FOUND, ErrorCode.TASK_NOT_FOUND,
            ErrorCode.BUILD_NOT_FOUND, ErrorCode.TARGET_NOT_FOUND, ErrorCode.TAG_NOT_FOUND,
            ErrorCode.CHANNEL_NOT_FOUND, ErrorCode.HOST_NOT_FOUND, ErrorCode.USER_NOT_FOUND,
            ErrorCode.GROUP_NOT_FOUND);

    private Lookups() {
    }

    /** koji's get* answer: the value, or None when it does not exist and the call is not strict. */
    static Object orNone(boolean strict, Supplier<Object> lookup) {
        try {
            return lookup.get();
        } catch (SlipwayException e) {
            if (!strict && MISSING.contains(e.code())) {
                return null;
            }
            throw e;
        }
    }

    /** The name of a thing given by id or by name (checking that it exists). */
    static String name(Directory dir, Directory.Kind kind, Object info) {
        if (info instanceof Integer || info instanceof Long) {
            return dir.name(kind, ((Number) info).longValue());
        }
        if (info instanceof String s) {
            dir.id(kind, s);
            return s;
        }
        if (info instanceof Map<?, ?> m && m.get("id") != null) {
            return name(dir, kind, m.get("id"));
        }
        if (info instanceof Map<?, ?> m && m.get("name") != null) {
            return name(dir, kind, m.get("name"));
        }
        throw KojiFault.parameter("Invalid " + kind.name().toLowerCase(Locale.ROOT) + " info: "
                + KojiValues.typeName(info));
    }

    static boolean truthy(Object v) {
        return v != null && !Boolean.FALSE.equals(v) && !(v instanceof Number n && n.longValue() == 0)
                && !"".equals(v);
    }

    static long integer(String method, String what, Object v) {
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        throw KojiFault.parameter(method + ": " + what + " must be an integer, not " + KojiValues.typeName(v));
    }

    static Object typed(String method, String what, Object v, Class<?> type) {
        if (v == null || type.isInstance(v)) {
            return v;
        }
        throw KojiFault.parameter(method + ": " + what + " must be a " + type.getSimpleName().toLowerCase(
                Locale.ROOT) + ", not " + KojiValues.typeName(v));
    }
}
