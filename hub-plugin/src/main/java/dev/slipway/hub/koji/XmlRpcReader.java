package dev.slipway.hub.koji;

import dev.slipway.common.error.ErrorCode;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses XML-RPC documents in koji's dialect ({@code <nil/>}, {@code <i8>}) with the JDK's StAX parser, hardened:
 * a DOCTYPE or any entity reference other than the five predefined ones is refused before anything is read or
 * expanded, and so are documents over the size limit, values nested deeper than the depth limit, unknown value
 * types, malformed numbers, booleans and base64. Every refusal is a ParameterError {@link KojiFault}.
 *
 * <p>Values become Java objects: {@code Integer} (int, i4), {@code Long} (i8), {@code Boolean}, {@code Double},
 * {@code String} (string, untyped, dateTime.iso8601), {@code byte[]} (base64), {@code List}, {@code Map} and
 * {@code null} (nil).
 */
public final class XmlRpcReader {
    private final XMLInputFactory factory;
    private final long maxBytes;
    private final int maxDepth;

    /** A parsed {@code methodCall}. */
    public record Call(String method, List<Object> params) {
        public Call {
            params = Collections.unmodifiableList(new ArrayList<>(params));
        }
    }

    /** A parsed {@code methodResponse}: a value, or a fault code and string. */
    public record Response(Object value, Integer faultCode, String faultString) {
        public boolean isFault() {
            return faultCode != null;
        }
    }

    /**
     * @param maxBytes the largest document accepted
     * @param maxDepth how deeply arrays and structs may nest
     */
    public XmlRpcReader(long maxBytes, int maxDepth) {
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        // The JDK's own implementation, whatever else is on the class path, with every DTD feature off.
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are not read: " + systemId);
        });
    }

    /** Parses a {@code methodCall}. */
    public Call call(byte[] body) {
        return parse(body, r -> {
            expectStart(r, "methodCall");
            expectStart(r, "methodName");
            String method = text(r).trim();
            if (method.isEmpty() || method.length() > 256) {
                throw bad("methodName must be 1 to 256 characters");
            }
            List<Object> params = new ArrayList<>();
            int e = next(r);
            if (e == XMLStreamConstants.START_ELEMENT) {
                requireName(r, "params");
                while (next(r) == XMLStreamConstants.START_ELEMENT) {
                    requireName(r, "param");
                    expectStart(r, "value");
                    params.add(value(r, 1));
                    expectEnd(r, "param");
                }
                requireEnd(r, "params");
                expectEnd(r, "methodCall");
            } else {
                requireEnd(r, "methodCall");
            }
            return new Call(method, params);
        });
    }

    /** Parses a {@code methodResponse} (used by tests and tools that talk to a hub). */
    public Response response(byte[] body) {
        return parse(body, r -> {
            expectStart(r, "methodResponse");
            next(r);
            if (r.getLocalName().equals("fault")) {
                expectStart(r, "value");
                Object v = value(r, 1);
                expectEnd(r, "fault");
                expectEnd(r, "methodResponse");
                if (!(v instanceof Map<?, ?> m) || !(m.get("faultCode") instanceof Integer code)) {
                    throw bad("a fault must be a struct with an int faultCode");
                }
                return new Response(null, code, String.valueOf(m.get("faultString")));
            }
            requireName(r, "params");
            expectStart(r, "param");
            expectStart(r, "value");
            Object v = value(r, 1);
            expectEnd(r, "param");
            expectEnd(r, "params");
            expectEnd(r, "methodResponse");
            return new Response(v, null, null);
        });
    }

    private interface Body<T> {
        T read(XMLStreamReader r) throws XMLStreamException;
    }

    private <T> T parse(byte[] body, Body<T> what) {
        if (body.length > maxBytes) {
            throw new KojiFault(KojiError.PARAMETER, ErrorCode.REQUEST_TOO_LARGE,
                    "The XML-RPC request has " + body.length + " bytes; the limit is " + maxBytes);
        }
        if (body.length == 0) {
            throw bad("the request body is empty");
        }
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new StringReader(utf8(body)));
            T out = what.read(r);
            while (r.hasNext()) {
                int e = r.next();
                if (e != XMLStreamConstants.COMMENT && e != XMLStreamConstants.SPACE
                        && e != XMLStreamConstants.PROCESSING_INSTRUCTION
                        && !(e == XMLStreamConstants.CHARACTERS && r.isWhiteSpace())
                        && e != XMLStreamConstants.END_DOCUMENT) {
                    guard(e);
                    throw bad("content after the document element");
                }
            }
            return out;
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof KojiFault f) {
                throw f;
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new KojiFault(KojiError.PARAMETER, ErrorCode.REQUEST_MALFORMED,
                    "The request is not well-formed XML-RPC: " + shorten(why.replaceAll("\\s+", " ")));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing was held open beyond the byte array
                }
            }
        }
    }

    /** The document as text: XML-RPC travels as UTF-8, and malformed bytes are refused here, not by the parser. */
    private static String utf8(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            Matcher m = Pattern.compile("^\\uFEFF?<\\?xml[^>]*encoding=['\"]([^'\"]+)")
                    .matcher(text);
            if (m.find() && !m.group(1).equalsIgnoreCase("utf-8") && !m.group(1).equalsIgnoreCase("us-ascii")) {
                throw bad("only UTF-8 documents are accepted, not " + shorten(m.group(1)));
            }
            return text;
        } catch (CharacterCodingException e) {
            throw bad("the document is not valid UTF-8");
        }
    }

    private Object value(XMLStreamReader r, int depth) throws XMLStreamException {
        if (depth > maxDepth) {
            throw bad("values nest deeper than " + maxDepth + " levels");
        }
        StringBuilder untyped = new StringBuilder();
        while (true) {
            int e = r.next();
            guard(e);
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE) {
                untyped.append(r.getText());
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                return untyped.toString();
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                if (!untyped.toString().isBlank()) {
                    throw bad("text beside a typed value");
                }
                Object v = typed(r, depth);
                expectEnd(r, "value");
                return v;
            }
        }
    }

    private Object typed(XMLStreamReader r, int depth) throws XMLStreamException {
        String type = r.getLocalName();
        switch (type) {
            case "string":
                return text(r);
            case "int":
            case "i4":
                return (int) integer(text(r), 32, type);
            case "i8":
                return integer(text(r), 64, type);
            case "boolean": {
                String t = text(r).trim();
                if (!t.equals("0") && !t.equals("1")) {
                    throw bad("a boolean is 0 or 1, not '" + shorten(t) + "'");
                }
                return t.equals("1");
            }
            case "double": {
                String t = text(r).trim();
                try {
                    if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                        throw new NumberFormatException();
                    }
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw bad("'" + shorten(t) + "' is not a double");
                }
            }
            case "dateTime.iso8601":
                return text(r).trim();
            case "base64": {
                String t = text(r).replaceAll("\\s+", "");
                try {
                    return Base64.getDecoder().decode(t);
                } catch (IllegalArgumentException e) {
                    throw bad("invalid base64: " + e.getMessage());
                }
            }
            case "nil": {
                if (next(r) != XMLStreamConstants.END_ELEMENT) {
                    throw bad("nil must be empty");
                }
                return null;
            }
            case "array":
                return array(r, depth);
            case "struct":
                return struct(r, depth);
            default:
                throw bad("unknown value type <" + shorten(type) + ">");
        }
    }

    private List<Object> array(XMLStreamReader r, int depth) throws XMLStreamException {
        expectStart(r, "data");
        List<Object> out = new ArrayList<>();
        while (next(r) == XMLStreamConstants.START_ELEMENT) {
            requireName(r, "value");
            out.add(value(r, depth + 1));
        }
        requireEnd(r, "data");
        expectEnd(r, "array");
        return out;
    }

    private Map<String, Object> struct(XMLStreamReader r, int depth) throws XMLStreamException {
        Map<String, Object> out = new LinkedHashMap<>();
        while (next(r) == XMLStreamConstants.START_ELEMENT) {
            requireName(r, "member");
            expectStart(r, "name");
            String name = text(r);
            expectStart(r, "value");
            Object v = value(r, depth + 1);
            expectEnd(r, "member");
            if (out.containsKey(name)) {
                throw bad("struct member '" + shorten(name) + "' given twice");
            }
            out.put(name, v);
        }
        requireEnd(r, "struct");
        return out;
    }

    private static long integer(String text, int bits, String type) {
        String t = text.trim();
        try {
            if (!t.matches("[+-]?\\d{1,25}")) {
                throw new NumberFormatException();
            }
            BigInteger v = new BigInteger(t.startsWith("+") ? t.substring(1) : t);
            if (v.bitLength() > bits - 1) {
                throw bad("'" + shorten(t) + "' does not fit in <" + type + "> (" + bits + " bits)");
            }
            return v.longValue();
        } catch (NumberFormatException e) {
            throw bad("'" + shorten(t) + "' is not an integer");
        }
    }

    /** The text content of the current element, up to its end tag; child elements are refused. */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int e = r.next();
            guard(e);
            switch (e) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        sb.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return sb.toString();
                }
                case XMLStreamConstants.START_ELEMENT -> throw bad("unexpected <" + shorten(r.getLocalName())
                        + "> inside a text value");
                default -> {
                    // comments and processing instructions carry nothing
                }
            }
        }
    }

    /** The next start or end element, skipping whitespace and comments; text there is refused. */
    private static int next(XMLStreamReader r) throws XMLStreamException {
        while (true) {
            int e = r.next();
            guard(e);
            switch (e) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                    return e;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!r.isWhiteSpace() && !r.getText().isBlank()) {
                        throw bad("unexpected text '" + shorten(r.getText().trim()) + "'");
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> throw bad("the document ends too early");
                default -> {
                    // comments, processing instructions
                }
            }
        }
    }

    /** Refuses a DOCTYPE and any entity reference the moment the parser reports one. */
    private static void guard(int event) {
        if (event == XMLStreamConstants.DTD) {
            throw new KojiFault(KojiError.PARAMETER, ErrorCode.REQUEST_MALFORMED,
                    "A DOCTYPE is not allowed in an XML-RPC request");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.ENTITY_DECLARATION
                || event == XMLStreamConstants.NOTATION_DECLARATION) {
            throw new KojiFault(KojiError.PARAMETER, ErrorCode.REQUEST_MALFORMED,
                    "Entity references are not allowed in an XML-RPC request");
        }
    }

    private static void expectStart(XMLStreamReader r, String name) throws XMLStreamException {
        if (next(r) != XMLStreamConstants.START_ELEMENT) {
            throw bad("expected <" + name + ">");
        }
        requireName(r, name);
    }

    private static void expectEnd(XMLStreamReader r, String name) throws XMLStreamException {
        if (next(r) != XMLStreamConstants.END_ELEMENT) {
            throw bad("expected </" + name + "> but found <" + shorten(r.getLocalName()) + ">");
        }
        requireName(r, name);
    }

    private static void requireEnd(XMLStreamReader r, String name) {
        if (r.getEventType() != XMLStreamConstants.END_ELEMENT || !r.getLocalName().equals(name)) {
            throw bad("expected </" + name + ">");
        }
    }

    private static void requireName(XMLStreamReader r, String name) {
        if (!r.getLocalName().equals(name)) {
            throw bad("expected <" + name + "> but found <" + shorten(r.getLocalName()) + ">");
        }
    }

    private static KojiFault bad(String why) {
        return new KojiFault(KojiError.PARAMETER, ErrorCode.REQUEST_MALFORMED,
                "The request is not valid XML-RPC: " + why);
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
