package dev.slipway.hub.koji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class XmlRpcCodecTest {
    /** Corpus documents that are well-formed XML-RPC (refused later: by the method table, binding or policy). */
    private static final Set<String> WELL_FORMED = Set.of("15-unknown-method.xml", "27-wrong-argument-type.xml",
            "28-too-many-arguments.xml", "29-unexpected-keyword.xml", "30-missing-required-argument.xml",
            "31-multicall-not-an-array.xml", "34-login-wrong-types.xml", "35-anonymous-build.xml",
            "38-unsupported-opts.xml", "39-bad-session-id-type.xml");
    private final XmlRpcReader reader = new XmlRpcReader(65_536, KojiApi.MAX_DEPTH);

    private XmlRpcReader.Call parse(String xml) {
        return reader.call(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void call_withKojisTypes_parsesNilI8StructsArraysAndBase64() {
        XmlRpcReader.Call c = parse("<?xml version='1.0'?><methodCall><methodName>login</methodName><params>"
                + "<param><value><string>alice</string></value></param>"
                + "<param><value>untyped</value></param>"
                + "<param><value><i8>9007199254740993</i8></value></param>"
                + "<param><value><struct><member><name>opts</name><value><nil/></value></member>"
                + "<member><name>__starstar</name><value><boolean>1</boolean></value></member></struct></value>"
                + "</param><param><value><array><data><value><int>-3</int></value><value><double>2.5</double>"
                + "</value><value><base64>aGk=</base64></value></data></array></value></param>"
                + "</params></methodCall>");
        assertEquals("login", c.method());
        assertEquals("alice", c.params().get(0));
        assertEquals("untyped", c.params().get(1));
        assertEquals(9007199254740993L, c.params().get(2));
        Map<?, ?> kw = (Map<?, ?>) c.params().get(3);
        assertTrue(kw.containsKey("opts"));
        assertNull(kw.get("opts"));
        assertEquals(true, kw.get("__starstar"));
        List<?> list = (List<?>) c.params().get(4);
        assertEquals(-3, list.get(0));
        assertEquals(2.5, list.get(1));
        assertArrayEquals("hi".getBytes(), (byte[]) list.get(2));
    }

    @Test
    void response_roundTripsEveryType_withI8OnlyBeyond32Bits() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("small", 7L);
        v.put("big", 1L << 40);
        v.put("none", null);
        v.put("text", "a < b & c > d");
        v.put("ts", 1764646689.260218);
        v.put("list", List.of(true, false, "x"));
        v.put("bytes", "log\n".getBytes());
        String xml = XmlRpcWriter.response(v);
        assertTrue(xml.contains("<int>7</int>") && xml.contains("<i8>1099511627776</i8>"), xml);
        assertTrue(xml.contains("<nil/>") && !xml.contains("DOCTYPE"), xml);
        assertTrue(xml.contains("<double>1764646689.260218</double>"), xml);
        Map<?, ?> back = (Map<?, ?>) reader.response(xml.getBytes(StandardCharsets.UTF_8)).value();
        assertEquals(7, back.get("small"));
        assertEquals(1L << 40, back.get("big"));
        assertTrue(back.containsKey("none"));
        assertNull(back.get("none"));
        assertEquals("a < b & c > d", back.get("text"));
        assertEquals(List.of(true, false, "x"), back.get("list"));
        assertArrayEquals("log\n".getBytes(), (byte[]) back.get("bytes"));
    }

    @Test
    void fault_carriesCodeAndString() {
        XmlRpcReader.Response r = reader.response(XmlRpcWriter.fault(1019, "bad <thing>").getBytes());
        assertEquals(1019, r.faultCode());
        assertEquals("bad <thing>", r.faultString());
    }

    @Test
    void writer_replacesCharactersXmlCannotCarry() {
        String xml = XmlRpcWriter.response("bell\u0007 and \uD800 lone surrogate");
        assertEquals("bell\uFFFD and \uFFFD lone surrogate", reader.response(xml.getBytes(StandardCharsets.UTF_8))
                .value());
    }

    @Test
    void kojiTime_isPythonIsoformatWithSpace() {
        assertEquals("2026-12-02 03:44:49.260218+00:00", KojiTime.text(java.time.Instant.parse(
                "2026-12-02T03:44:49.260218Z")));
        java.time.Instant t = java.time.Instant.parse("2026-12-02T03:44:49.260218Z");
        assertEquals(t.getEpochSecond() + 0.260218, KojiTime.ts(t), 1e-6);
    }

    @Test
    void corpus_everyMalformedDocument_isRefusedByTheReaderAsAParameterError() throws IOException {
        int refused = 0;
        for (Path p : KojiBadInputIT.corpus().stream().map(x -> Path.of("").resolve(x)).toList()) {
            byte[] doc = Files.readAllBytes(p);
            String name = p.getFileName().toString();
            if (WELL_FORMED.contains(name)) {
                reader.call(doc);
                continue;
            }
            KojiFault f = assertThrows(KojiFault.class, () -> reader.call(doc), name);
            assertEquals(KojiError.PARAMETER, f.kojiError(), name);
            refused++;
        }
        assertTrue(refused >= 30, "refused " + refused);
        assertThrows(KojiFault.class, () -> reader.call(KojiBadInputIT.oversized()));
        KojiFault deep = assertThrows(KojiFault.class, () -> reader.call(KojiBadInputIT.tooDeep()));
        assertTrue(deep.getMessage().contains("deeper"), deep.getMessage());
    }

    @Test
    void doctypeWithEntities_isRefusedBeforeAnythingExpands() {
        String laughs = "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a \"" + "b".repeat(10) + "\">"
                + "<!ENTITY c \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><methodCall><methodName>&c;</methodName></methodCall>";
        KojiFault f = assertThrows(KojiFault.class, () -> parse(laughs));
        assertTrue(f.getMessage().contains("DOCTYPE"), f.getMessage());
        assertTrue(!f.getMessage().contains("bbbbbbbbbb"), f.getMessage());
    }

    @Test
    void int_outside32Bits_isRefused_butI8Accepted() {
        assertThrows(KojiFault.class, () -> parse("<methodCall><methodName>m</methodName><params><param><value>"
                + "<int>2147483648</int></value></param></params></methodCall>"));
        assertEquals(2147483648L, parse("<methodCall><methodName>m</methodName><params><param><value>"
                + "<i8>2147483648</i8></value></param></params></methodCall>").params().get(0));
        assertEquals(Arrays.asList((Object) null), parse("<methodCall><methodName>m</methodName><params><param>"
                + "<value><nil/></value></param></params></methodCall>").params());
    }
}
