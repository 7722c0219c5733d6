package dev.slipway.common.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {
    private static final String HEX = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    private static final Digest DIGEST = Digest.parse("sha256:" + HEX);

    private static InvalidValueException refused(String text, ErrorCode code) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> ImageReference.parse(text));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Test
    void parse_singleName_isDockerHubLibrary() {
        ImageReference ref = ImageReference.parse("fedora");
        assertEquals("docker.io", ref.registry());
        assertEquals("library/fedora", ref.repository());
        assertNull(ref.tag());
        assertNull(ref.digest());
        assertEquals("docker.io/library/fedora", ref.toString());
    }

    @Test
    void parse_noTag_asksTheApiForLatest() {
        ImageReference ref = ImageReference.parse("fedora");
        assertEquals("latest", ref.apiReference());
        assertEquals(Optional.empty(), ref.tagOpt());
        assertEquals(Optional.empty(), ref.digestOpt());
    }

    @Test
    void parse_hubUserRepository_staysOutsideLibrary() {
        ImageReference ref = ImageReference.parse("someone/app:1.0");
        assertEquals("docker.io", ref.registry());
        assertEquals("someone/app", ref.repository());
        assertEquals("1.0", ref.tag());
    }

    @Test
    void parse_explicitDockerIo_addsLibrary() {
        assertEquals(ImageReference.parse("fedora:40"), ImageReference.parse("docker.io/fedora:40"));
        assertEquals(ImageReference.parse("fedora:40"), ImageReference.parse("docker.io/library/fedora:40"));
    }

    @Test
    void parse_hubAliases_normaliseToDockerIo() {
        ImageReference index = ImageReference.parse("index.docker.io/fedora:40");
        assertEquals("docker.io", index.registry());
        assertEquals("library/fedora", index.repository());
        ImageReference api = ImageReference.parse("registry-1.docker.io/library/fedora:40");
        assertEquals(index, api);
    }

    @Test
    void apiHost_dockerHub_isRegistry1() {
        assertEquals("registry-1.docker.io", ImageReference.parse("fedora").apiHost());
        assertEquals("quay.io", ImageReference.parse("quay.io/a/b").apiHost());
    }

    @Test
    void parse_registryWithPort_keepsPortAndNoLibrary() {
        ImageReference ref = ImageReference.parse("registry.example:5000/app:1.0");
        assertEquals("registry.example:5000", ref.registry());
        assertEquals("app", ref.repository());
        assertEquals("1.0", ref.tag());
        assertEquals("registry.example:5000", ref.apiHost());
        assertEquals("registry.example:5000/app", ref.name());
    }

    @Test
    void parse_portWithoutTag_isNotMistakenForTag() {
        ImageReference ref = ImageReference.parse("127.0.0.1:5000/ns/app");
        assertEquals("127.0.0.1:5000", ref.registry());
        assertEquals("ns/app", ref.repository());
        assertNull(ref.tag());
    }

    @Test
    void parse_localhost_isARegistry() {
        ImageReference plain = ImageReference.parse("localhost/app");
        assertEquals("localhost", plain.registry());
        assertEquals("app", plain.repository());
        ImageReference port = ImageReference.parse("localhost:5000/app:2");
        assertEquals("localhost:5000", port.registry());
        assertEquals("2", port.tag());
    }

    @Test
    void parse_firstComponentWithoutDotOrPort_isAHubNamespace() {
        ImageReference ref = ImageReference.parse("myregistry/app");
        assertEquals("docker.io", ref.registry());
        assertEquals("myregistry/app", ref.repository());
    }

    @Test
    void parse_ipv6Registry_withPortAndTag() {
        ImageReference ref = ImageReference.parse("[::1]:5000/app:1");
        assertEquals("[::1]:5000", ref.registry());
        assertEquals("app", ref.repository());
        assertEquals("1", ref.tag());
        assertEquals("[::1]:5000", ref.apiHost());
        assertEquals("[::1]:5000/app:1", ref.toString());
    }

    @Test
    void parse_tagAndDigest_keepsBoth_apiUsesDigest() {
        ImageReference ref = ImageReference.parse("quay.io/ns/app:1.0@sha256:" + HEX);
        assertEquals("quay.io", ref.registry());
        assertEquals("ns/app", ref.repository());
        assertEquals("1.0", ref.tag());
        assertEquals(DIGEST, ref.digest());
        assertEquals("sha256:" + HEX, ref.apiReference());
        assertEquals("quay.io/ns/app:1.0@sha256:" + HEX, ref.toString());
    }

    @Test
    void parse_digestOnly_withPortedRegistry() {
        ImageReference ref = ImageReference.parse("127.0.0.1:5000/app@sha256:" + HEX);
        assertEquals("127.0.0.1:5000", ref.registry());
        assertNull(ref.tag());
        assertEquals(DIGEST, ref.digest());
    }

    @Test
    void parse_separatorsInRepository_accepted() {
        assertEquals("a.b/c_d/e__f/g-h/i---j", ImageReference.parse("quay.io/a.b/c_d/e__f/g-h/i---j").repository());
    }

    @Test
    void parse_upperCaseRepository_refusedNamingComponent() {
        InvalidValueException e = refused("quay.io/ns/Fedora:40", ErrorCode.INVALID_IMAGE_REFERENCE);
        assertTrue(e.getMessage().contains("'Fedora'"), e.getMessage());
        assertTrue(e.getMessage().contains("quay.io/ns/Fedora:40"), e.getMessage());
        refused("Fedora", ErrorCode.INVALID_IMAGE_REFERENCE);
    }

    @Test
    void parse_badRepositorySeparators_refused() {
        refused("quay.io/a..b", ErrorCode.INVALID_IMAGE_REFERENCE);
        refused("quay.io/a___b", ErrorCode.INVALID_IMAGE_REFERENCE);
        refused("quay.io/-a", ErrorCode.INVALID_IMAGE_REFERENCE);
        refused("quay.io/a//b", ErrorCode.INVALID_IMAGE_REFERENCE);
        refused("quay.io/a/", ErrorCode.INVALID_IMAGE_REFERENCE);
    }

    @Test
    void parse_repositoryLongerThan255_refused() {
        String longName = "a".repeat(200) + "/" + "b".repeat(60);
        InvalidValueException e = refused("quay.io/" + longName, ErrorCode.INVALID_IMAGE_REFERENCE);
        assertTrue(e.getMessage().contains("1 to 255"), e.getMessage());
    }

    @Test
    void parse_tagOf128_accepted_129_refused() {
        String max = "v" + "1".repeat(127);
        assertEquals(max, ImageReference.parse("quay.io/a:" + max).tag());
        InvalidValueException e = refused("quay.io/a:" + max + "1", ErrorCode.INVALID_TAG);
        assertTrue(e.getMessage().contains(max + "1"), e.getMessage());
        assertTrue(e.getMessage().contains("1 to 128"), e.getMessage());
    }

    @Test
    void parse_tagStartingWithDotOrDash_refused() {
        refused("quay.io/a:.hidden", ErrorCode.INVALID_TAG);
        refused("quay.io/a:-x", ErrorCode.INVALID_TAG);
        refused("quay.io/a:", ErrorCode.INVALID_TAG);
        refused("quay.io/a:v+1", ErrorCode.INVALID_TAG);
    }

    @Test
    void parse_tagWithUpperCaseUnderscoreDotDash_accepted() {
        assertEquals("V1_2.3-rc", ImageReference.parse("quay.io/a:V1_2.3-rc").tag());
    }

    @Test
    void parse_scheme_refused() {
        InvalidValueException e = refused("https://quay.io/a:1", ErrorCode.INVALID_IMAGE_REFERENCE);
        assertTrue(e.getMessage().contains("https://quay.io/a:1"), e.getMessage());
        assertTrue(e.getMessage().contains("without a scheme"), e.getMessage());
        refused("docker://quay.io/a", ErrorCode.INVALID_IMAGE_REFERENCE);
    }

    @Test
    void parse_spaces_refused() {
        refused(" quay.io/a", ErrorCode.INVALID_IMAGE_REFERENCE);
        refused("quay.io/a ", ErrorCode.INVALID_IMAGE_REFERENCE);
        refused("quay.io/a\n", ErrorCode.INVALID_IMAGE_REFERENCE);
        refused("quay.io/my app", ErrorCode.INVALID_IMAGE_REFERENCE);
        refused("quay.io/a:my tag", ErrorCode.INVALID_TAG);
    }

    @Test
    void parse_empty_refused() {
        refused("", ErrorCode.INVALID_IMAGE_REFERENCE);
        refused("   ", ErrorCode.INVALID_IMAGE_REFERENCE);
        refused(null, ErrorCode.INVALID_IMAGE_REFERENCE);
    }

    @Test
    void parse_badDigest_refusedAsDigest() {
        InvalidValueException e = refused("quay.io/a@sha256:abc", ErrorCode.INVALID_DIGEST);
        assertTrue(e.getMessage().contains("sha256:abc"), e.getMessage());
    }

    @Test
    void parse_badRegistryHost_refused() {
        refused("-bad.example/a", ErrorCode.INVALID_IMAGE_REFERENCE);
        refused("bad_host.example/a", ErrorCode.INVALID_IMAGE_REFERENCE);
        refused("host.example:port/a", ErrorCode.INVALID_IMAGE_REFERENCE);
    }

    @Test
    void withDigest_dropsTagAndPins() {
        ImageReference pinned = ImageReference.parse("quay.io/ns/app:1.0").withDigest(DIGEST);
        assertNull(pinned.tag());
        assertEquals(DIGEST, pinned.digest());
        assertEquals("quay.io/ns/app@sha256:" + HEX, pinned.toString());
    }

    @Test
    void withTag_dropsDigest() {
        ImageReference tagged = ImageReference.parse("quay.io/ns/app@sha256:" + HEX).withTag("2.0");
        assertEquals("2.0", tagged.tag());
        assertNull(tagged.digest());
        assertEquals("quay.io/ns/app:2.0", tagged.toString());
        assertEquals("2.0", tagged.apiReference());
    }

    @Test
    void withTag_badTag_refused() {
        ImageReference ref = ImageReference.parse("quay.io/ns/app");
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> ref.withTag(".x"));
        assertEquals(ErrorCode.INVALID_TAG, e.code());
    }

    @Test
    void name_isRegistryAndRepository() {
        assertEquals("docker.io/library/fedora", ImageReference.parse("fedora:40").name());
        assertEquals("127.0.0.1:5000/fedora", ImageReference.parse("127.0.0.1:5000/fedora:40").name());
    }

    @Test
    void toString_parsesBackToTheSameReference() {
        String[] inputs = {"fedora", "fedora:40", "someone/app", "quay.io/ns/app:1.0@sha256:" + HEX,
            "localhost:5000/a/b/c:x", "[::1]:5000/app", "[::1]/app:1", "index.docker.io/x/y@sha256:" + HEX};
        for (String input : inputs) {
            ImageReference ref = ImageReference.parse(input);
            assertEquals(ref, ImageReference.parse(ref.toString()), input);
        }
    }
}
