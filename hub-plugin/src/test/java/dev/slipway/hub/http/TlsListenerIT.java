package dev.slipway.hub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import dev.slipway.hub.Hub;
import dev.slipway.hub.config.ConfigLoader;
import dev.slipway.hub.config.HubConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub serving HTTPS with a certificate from a throw-away CA (made by openssl), configured as an operator would:
 * {@code listen.tls} in hub.yaml with paths relative to the file.
 */
class TlsListenerIT {
    @TempDir
    static Path dir;
    private static Hub hub;

    @BeforeAll
    static void start() throws IOException {
        Path pki = Files.createDirectories(dir.resolve("pki"));
        throwAwayCa(pki, "ca");
        serverCertificate(pki, "ca", "hub");
        throwAwayCa(pki, "other-ca");
        Files.writeString(dir.resolve("hub.yaml"), """
                listen:
                  host: 127.0.0.1
                  port: 0
                  tls:
                    certificate: pki/hub.pem
                    key: pki/hub.key
                data_dir: data
                """);
        HubConfig config = new ConfigLoader().load(dir.resolve("hub.yaml"));
        assertEquals(pki.resolve("hub.pem"), config.listen().tls().certificate(), "relative to the file");
        hub = Hub.start(config);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void https_clientTrustingTheCa_getsAnswers() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(dir.resolve("pki/ca.pem")))
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(url("/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(url("/api/v1/_listapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, api.statusCode());
        assertTrue(api.body().contains("buildContainer"), api.body());
    }

    @Test
    void https_clientTrustingAnotherCa_refusesTheHandshake() throws Exception {
        SSLContext other = trusting(dir.resolve("pki/other-ca.pem"));
        try (SSLSocket s = (SSLSocket) other.getSocketFactory().createSocket("127.0.0.1", hub.port())) {
            s.setSoTimeout(10_000);
            assertThrows(SSLHandshakeException.class, s::startHandshake);
        }
    }

    @Test
    void opensslSClient_verifiesTheChainAndTheAddress() {
        CommandResult ok = sClient("ca.pem");
        assertEquals(0, ok.exitCode(), ok.output());
        assertTrue(ok.output().contains("Verification: OK"), ok.output());
        assertTrue(ok.output().matches("(?s).*Protocol version: TLSv1\\.[23].*"), ok.output());
        CommandResult wrongCa = sClient("other-ca.pem");
        assertFalse(wrongCa.ok(), "a chain from another CA must not verify:\n" + wrongCa.output());
    }

    @Test
    void plainHttp_onTheTlsPort_getsNoHttpAnswer() throws IOException {
        try (Socket s = new Socket("127.0.0.1", hub.port())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String answer = readAll(s.getInputStream());
            assertFalse(answer.startsWith("HTTP/"), "plain HTTP was served on the TLS port: " + answer);
        }
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + hub.port() + "/healthz")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static URI url(String path) {
        return URI.create("https://127.0.0.1:" + hub.port() + path);
    }

    private static CommandResult sClient(String caFile) {
        return Command.of("openssl", "s_client", "-connect", "127.0.0.1:" + hub.port(), "-CAfile",
                dir.resolve("pki").resolve(caFile).toString(), "-verify_return_error", "-verify_ip", "127.0.0.1",
                "-brief").timeout(Duration.ofSeconds(20)).run();
    }

    private static String readAll(InputStream in) {
        StringBuilder text = new StringBuilder();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                text.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            // A reset or a timeout: the server answered nothing an HTTP client could read.
        }
        return text.toString();
    }

    private static SSLContext trusting(Path caPem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static void throwAwayCa(Path pki, String name) {
        Command.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", pki.resolve(name + ".key").toString(), "-out", pki.resolve(name + ".pem").toString(),
                "-days", "2", "-subj", "/CN=Slipway throw-away " + name,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
                .check();
    }

    private static void serverCertificate(Path pki, String ca, String name) throws IOException {
        Command.of("openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", pki.resolve(name + ".key").toString(), "-out", pki.resolve(name + ".csr").toString(),
                "-subj", "/CN=localhost").check();
        Path ext = Files.writeString(pki.resolve(name + ".ext"),
                "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"
                        + "keyUsage=critical,digitalSignature\nbasicConstraints=critical,CA:FALSE\n");
        Command.of("openssl", "x509", "-req", "-in", pki.resolve(name + ".csr").toString(), "-CA",
                pki.resolve(ca + ".pem").toString(), "-CAkey", pki.resolve(ca + ".key").toString(),
                "-CAcreateserial", "-days", "1", "-extfile", ext.toString(),
                "-out", pki.resolve(name + ".pem").toString()).check();
    }
}
