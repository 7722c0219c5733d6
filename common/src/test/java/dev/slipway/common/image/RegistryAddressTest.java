package dev.slipway.common.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.InvalidValueException;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryAddressTest {
    @Test
    void parse_dockerNameOfLoopback_isPlainHttp() {
        assertEquals(URI.create("http://127.0.0.1:5000"), RegistryAddress.parse("127.0.0.1:5000", Set.of()).uri());
        assertEquals("http", RegistryAddress.parse("localhost:5000", Set.of()).scheme());
        assertEquals("http://[::1]:5000", RegistryAddress.parse("[::1]:5000", Set.of()).toString());
    }

    @Test
    void parse_dockerNameOfAnyOtherHost_isHttps_unlessMarkedInsecure() {
        RegistryAddress remote = RegistryAddress.parse("registry.example.org", Set.of());
        assertEquals(URI.create("https://registry.example.org"), remote.uri());
        assertEquals("registry.example.org", remote.host());
        assertEquals("https", RegistryAddress.parse("10.0.0.5:5000", Set.of()).scheme());
        assertEquals("http", RegistryAddress.parse("10.0.0.5:5000", Set.of("10.0.0.5:5000")).scheme());
        assertEquals("http", RegistryAddress.parse("lab.example:5000", Set.of("lab.example")).scheme(),
                "a host marked insecure is insecure on every port");
        assertEquals("registry.example.org", RegistryAddress.parse("registry.example.org/", Set.of()).host());
    }

    @Test
    void parse_url_keepsItsScheme() {
        assertEquals(URI.create("http://10.0.0.5:5000"), RegistryAddress.parse("http://10.0.0.5:5000", Set.of()).uri());
        assertEquals(URI.create("https://127.0.0.1:5000"), RegistryAddress.parse("https://127.0.0.1:5000/", Set.of())
                .uri());
    }

    @Test
    void parse_pathsCredentialsAndOtherSchemes_areRefusedWithoutEchoingSecrets() {
        assertThrows(InvalidValueException.class, () -> RegistryAddress.parse("registry.example.org/team", Set.of()));
        assertThrows(InvalidValueException.class, () -> RegistryAddress.parse("ftp://registry.example.org", Set.of()));
        assertThrows(InvalidValueException.class, () -> RegistryAddress.parse("", Set.of()));
        assertThrows(InvalidValueException.class, () -> RegistryAddress.parse("bad host", Set.of()));
        InvalidValueException creds = assertThrows(InvalidValueException.class,
                () -> RegistryAddress.parse("https://user:s3cret@registry.example.org", Set.of()));
        assertFalse(creds.getMessage().contains("s3cret"), creds.getMessage());
        assertTrue(creds.getMessage().contains("auth file"), creds.getMessage());
    }
}
