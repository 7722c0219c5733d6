package dev.slipway.hub.koji;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes XML-RPC answers the way koji's hub does: {@code <nil/>} for None, {@code <i8>} beyond 32 bits, doubles
 * without exponents, no DOCTYPE (the client parses with defusedxml). Text that XML 1.0 cannot carry (control
 * characters) is replaced by U+FFFD so every answer is well-formed.
 */
public final class XmlRpcWriter {
    private static final String HEAD = "<?xml version='1.0'?>\n<methodResponse>\n";

    private XmlRpcWriter() {
    }

    /** A successful answer holding {@code value}. */
    public static String response(Object value) {
        StringBuilder sb = new StringBuilder(256).append(HEAD).append("<params>\n<param>\n");
        value(sb, value);
        return sb.append("</param>\n</params>\n</methodResponse>\n").toString();
    }

    /** A fault answer. */
    public static String fault(int code, String message) {
        StringBuilder sb = new StringBuilder(256).append(HEAD).append("<fault>\n");
        value(sb, Map.of("faultCode", code, "faultString", message == null ? "" : message));
        return sb.append("</fault>\n</methodResponse>\n").toString();
    }

    /** A {@code methodCall} (tools and tests use it to talk to a hub). */
    public static String call(String method, Object... params) {
        StringBuilder sb = new StringBuilder(256).append("<?xml version='1.0'?>\n<methodCall>\n<methodName>");
        escape(sb, method);
        sb.append("</methodName>\n<params>\n");
        for (Object p : params) {
            sb.append("<param>\n");
            value(sb, p);
            sb.append("</param>\n");
        }
        return sb.append("</params>\n</methodCall>\n").toString();
    }

    /** Appends one {@code <value>}. */
    static void value(StringBuilder sb, Object v) {
        sb.append("<value>");
        if (v == null) {
            sb.append("<nil/>");
        } else if (v instanceof String s) {
            sb.append("<string>");
            escape(sb, s);
            sb.append("</string>");
        } else if (v instanceof Boolean b) {
            sb.append("<boolean>").append(b ? '1' : '0').append("</boolean>");
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            sb.append("<int>").append(v).append("</int>");
        } else if (v instanceof Long l) {
            if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                sb.append("<int>").append(l).append("</int>");
            } else {
                sb.append("<i8>").append(l).append("</i8>");
            }
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                sb.append("<double>").append(BigDecimal.valueOf(d).toPlainString()).append("</double>");
            } else {
                sb.append("<nil/>");
            }
        } else if (v instanceof byte[] bytes) {
            sb.append("<base64>").append(Base64.getEncoder().encodeToString(bytes)).append("</base64>");
        } else if (v instanceof Instant i) {
            sb.append("<string>").append(KojiTime.text(i)).append("</string>");
        } else if (v instanceof Map<?, ?> m) {
            sb.append("<struct>\n");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append("<member>\n<name>");
                escape(sb, String.valueOf(e.getKey()));
                sb.append("</name>\n");
                value(sb, e.getValue());
                sb.append("</member>\n");
            }
            sb.append("</struct>");
        } else if (v instanceof Collection<?> c) {
            array(sb, c.iterator());
        } else if (v instanceof Object[] a) {
            array(sb, Arrays.asList(a).iterator());
        } else if (v instanceof JsonNode n) {
            sb.setLength(sb.length() - "<value>".length());
            json(sb, n);
            return;
        } else if (v instanceof Enum<?> e) {
            sb.append("<string>").append(e.name()).append("</string>");
        } else {
            throw new IllegalArgumentException("No XML-RPC form for " + v.getClass().getName());
        }
        sb.append("</value>\n");
    }

    private static void array(StringBuilder sb, Iterator<?> it) {
        sb.append("<array><data>\n");
        while (it.hasNext()) {
            value(sb, it.next());
        }
        sb.append("</data></array>");
    }

    private static void json(StringBuilder sb, JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            value(sb, null);
        } else if (n.isTextual()) {
            value(sb, n.asText());
        } else if (n.isBoolean()) {
            value(sb, n.asBoolean());
        } else if (n.isIntegralNumber()) {
            value(sb, n.canConvertToLong() ? (Object) n.asLong() : n.asText());
        } else if (n.isNumber()) {
            value(sb, n.asDouble());
        } else if (n.isArray()) {
            sb.append("<value><array><data>\n");
            n.forEach(x -> json(sb, x));
            sb.append("</data></array></value>\n");
        } else if (n.isObject()) {
            sb.append("<value><struct>\n");
            n.fields().forEachRemaining(e -> {
                sb.append("<member>\n<name>");
                escape(sb, e.getKey());
                sb.append("</name>\n");
                json(sb, e.getValue());
                sb.append("</member>\n");
            });
            sb.append("</struct></value>\n");
        } else {
            value(sb, n.asText());
        }
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' || c == 0xFFFE || c == 0xFFFF) {
                        sb.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
