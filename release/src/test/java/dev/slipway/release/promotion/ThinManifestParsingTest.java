package dev.slipway.release.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.image.Digest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThinManifestParsingTest {
    static final String D1 = "sha256:" + "a".repeat(64);
    static final String D2 = "sha256:" + "b".repeat(64);
    static final String REGISTRIES = """
            registries:
            - name: 127.0.0.1:5000/staging
              src: true
            - name: registry.example.org:443/prod
              service-account: promoter@example.org
            """;
    static final String IMAGES = """
            - name: apple
              dmap:
                "%s": ["1.10", "latest"]
            - name: team/cherry
              dmap:
                "%s": []
            """.formatted(D1, D2);

    private static Optional<ThinManifest> parse(String registries, String images, List<ManifestProblem> problems) {
        return ThinManifestReader.parse("x", registries, images, problems);
    }

    @Test
    void parse_goodManifest_keepsRegistriesImagesAndTagsAsStrings() {
        List<ManifestProblem> problems = new ArrayList<>();

        ThinManifest manifest = parse(REGISTRIES, IMAGES, problems).orElseThrow();

        assertEquals(List.of(), problems);
        assertEquals("127.0.0.1:5000", manifest.source().host());
        assertEquals("staging/apple", manifest.source().repository("apple"));
        assertEquals(1, manifest.destinations().size());
        assertEquals(Optional.of("promoter@example.org"), manifest.destinations().get(0).serviceAccount());
        assertEquals("prod/team/cherry", manifest.destinations().get(0).repository("team/cherry"));
        assertEquals(List.of("1.10", "latest"), manifest.images().get(0).dmap().get(Digest.parse(D1)));
        assertEquals(List.of(), manifest.images().get(1).dmap().get(Digest.parse(D2)));
        assertEquals("images/x/images.yaml:1", manifest.images().get(0).origin());
    }

    static Stream<Arguments> badManifests() {
        String src = "registries:\n- name: 127.0.0.1:5000\n  src: true\n- name: 127.0.0.1:5001\n";
        String image = "- name: apple\n  dmap:\n    \"" + D1 + "\": [\"1.0\"]\n";
        return Stream.of(
                Arguments.of("no source", "registries:\n- name: a.example\n- name: b.example\n", image,
                        ErrorCode.PROMOTION_SOURCE_INVALID, "manifests/x/promoter-manifest.yaml", 2),
                Arguments.of("two sources", "registries:\n- name: a.example\n  src: true\n- name: b.example\n"
                        + "  src: true\n", image, ErrorCode.PROMOTION_SOURCE_INVALID,
                        "manifests/x/promoter-manifest.yaml", 4),
                Arguments.of("src not boolean", "registries:\n- name: a.example\n  src: yes\n- name: b\n", image,
                        ErrorCode.PROMOTION_MANIFEST_INVALID, "manifests/x/promoter-manifest.yaml", 3),
                Arguments.of("unknown registry key", src + "  sa: x\n", image,
                        ErrorCode.PROMOTION_MANIFEST_INVALID, "manifests/x/promoter-manifest.yaml", 5),
                Arguments.of("bad registry name", "registries:\n- name: a.example\n  src: true\n- name: B/Prod\n",
                        image, ErrorCode.PROMOTION_NAME_INVALID, "manifests/x/promoter-manifest.yaml", 4),
                Arguments.of("only a source", "registries:\n- name: a.example\n  src: true\n", image,
                        ErrorCode.PROMOTION_MANIFEST_INVALID, "manifests/x/promoter-manifest.yaml", 2),
                Arguments.of("not yaml", "registries: [\n", image, ErrorCode.PROMOTION_MANIFEST_INVALID,
                        "manifests/x/promoter-manifest.yaml", 2),
                Arguments.of("short digest", src, "- name: apple\n  dmap:\n    \"sha256:abc\": [\"1.0\"]\n",
                        ErrorCode.PROMOTION_DIGEST_INVALID, "images/x/images.yaml", 3),
                Arguments.of("upper-case digest", src, "- name: apple\n  dmap:\n    \"sha256:" + "A".repeat(64)
                        + "\": []\n", ErrorCode.PROMOTION_DIGEST_INVALID, "images/x/images.yaml", 3),
                Arguments.of("sha512 digest", src, "- name: apple\n  dmap:\n    \"sha512:" + "a".repeat(128)
                        + "\": []\n", ErrorCode.PROMOTION_DIGEST_INVALID, "images/x/images.yaml", 3),
                Arguments.of("bad tag", src, "- name: apple\n  dmap:\n    \"" + D1 + "\":\n    - \".hidden\"\n",
                        ErrorCode.PROMOTION_TAG_INVALID, "images/x/images.yaml", 4),
                Arguments.of("tag too long", src, "- name: apple\n  dmap:\n    \"" + D1 + "\": [\"" + "t".repeat(129)
                        + "\"]\n", ErrorCode.PROMOTION_TAG_INVALID, "images/x/images.yaml", 3),
                Arguments.of("bad image name", src, "- name: Apple\n  dmap:\n    \"" + D1 + "\": []\n",
                        ErrorCode.PROMOTION_NAME_INVALID, "images/x/images.yaml", 1),
                Arguments.of("empty dmap", src, "- name: apple\n  dmap: {}\n",
                        ErrorCode.PROMOTION_MANIFEST_INVALID, "images/x/images.yaml", 2),
                Arguments.of("duplicate digest", src, "- name: apple\n  dmap:\n    \"" + D1 + "\": []\n    \""
                        + D1 + "\": [\"2\"]\n", ErrorCode.PROMOTION_MANIFEST_INVALID, "images/x/images.yaml", 4),
                Arguments.of("duplicate image", src, image + image, ErrorCode.PROMOTION_NAME_INVALID,
                        "images/x/images.yaml", 4),
                Arguments.of("images not a list", src, "name: apple\n", ErrorCode.PROMOTION_MANIFEST_INVALID,
                        "images/x/images.yaml", 1),
                Arguments.of("missing dmap", src, "- name: apple\n", ErrorCode.PROMOTION_MANIFEST_INVALID,
                        "images/x/images.yaml", 1),
                Arguments.of("unknown image key", src, image + "  tags: [a]\n",
                        ErrorCode.PROMOTION_MANIFEST_INVALID, "images/x/images.yaml", 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badManifests")
    void parse_badManifest_reportsCodeFileAndLine(String name, String registries, String images, ErrorCode code,
            String file, int line) {
        List<ManifestProblem> problems = new ArrayList<>();

        Optional<ThinManifest> manifest = parse(registries, images, problems);

        assertTrue(manifest.isEmpty(), name);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(code, problems.get(0).code(), problems.toString());
        assertEquals(file, problems.get(0).file());
        assertEquals(line, problems.get(0).line(), problems.toString());
    }

    @Test
    void read_imagesWithoutRegistriesAndABadFile_listsEveryProblemAtOnce(@TempDir Path checkout) throws Exception {
        Files.createDirectories(checkout.resolve("manifests/a"));
        Files.createDirectories(checkout.resolve("images/a"));
        Files.createDirectories(checkout.resolve("images/orphan"));
        Files.writeString(checkout.resolve("manifests/a/promoter-manifest.yaml"), REGISTRIES);
        Files.writeString(checkout.resolve("images/a/images.yaml"), "- name: apple\n  dmap:\n    \"sha256:1\": []\n");

        ManifestInvalidException e = assertThrows(ManifestInvalidException.class,
                () -> ThinManifestReader.read(checkout));

        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("images/a/images.yaml:3: [11001 PROMOTION_DIGEST_INVALID]"),
                e.getMessage());
        assertTrue(e.getMessage().contains("images/orphan: [11005 PROMOTION_LAYOUT_INVALID]"), e.getMessage());
    }

    @Test
    void read_goodCheckout_returnsEachDirectoryPair(@TempDir Path checkout) throws Exception {
        for (String id : List.of("b", "a")) {
            Files.createDirectories(checkout.resolve("manifests/" + id));
            Files.createDirectories(checkout.resolve("images/" + id));
            Files.writeString(checkout.resolve("manifests/" + id + "/promoter-manifest.yaml"), REGISTRIES);
            Files.writeString(checkout.resolve("images/" + id + "/images.yaml"), IMAGES);
        }

        List<ThinManifest> manifests = ThinManifestReader.read(checkout);

        assertEquals(List.of("a", "b"), manifests.stream().map(ThinManifest::id).toList());
    }
}
