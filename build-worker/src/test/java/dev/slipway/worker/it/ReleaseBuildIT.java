package dev.slipway.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.api.CgDocument;
import dev.slipway.common.json.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.content.InstalledPackage;
import dev.slipway.testing.distgit.SampleContainerRepo;
import dev.slipway.worker.pipeline.BuildResult;
import dev.slipway.worker.pipeline.PushedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A release build of the sample repository on the real engine and registry, checked only with tools Slipway did
 * not write: skopeo, rpm, docker load, sha256sum.
 */
@ExtendWith(SampleEnvironmentExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseBuildIT {
    private static final String NS = "release-it";
    private final ObjectMapper json = new ObjectMapper();
    private SampleEnvironment env;
    private BuildResult result;
    private Path mirrorRoot;

    @BeforeAll
    void build(SampleEnvironment environment) {
        env = environment;
        mirrorRoot = env.newDir("mirror");
        result = env.build(env.sample.repo().secondCommit(), NS, false, mirrorRoot);
        assertEquals(BuildResult.Outcome.COMPLETE, result.state(), () -> "build failed: " + result.error());
    }

    private String repo() {
        return NS + "/" + SampleContainerRepo.NAME;
    }

    private String ref(String tagOrDigest) {
        String sep = tagOrDigest.startsWith("sha256:") ? "@" : ":";
        return "docker://" + env.open.hostPort() + "/" + repo() + sep + tagOrDigest;
    }

    @Test
    void result_namesTheNvrTagsAndPinnedParent() {
        assertEquals("hello-container", result.component());
        assertEquals("1.1", result.version());
        assertEquals("1", result.release());
        assertEquals("hello-container-1.1-1", result.nvr());
        PushedImage pushed = result.registries().get(0);
        assertEquals(List.of(result.tags().unique(), "1.1-1", "1.1", "latest"), pushed.tags());
        assertTrue(result.tags().unique().matches("f40-container-candidate-\\d{14}-[0-9a-f]{6}"));
        assertEquals(env.open.hostPort() + "/" + repo() + "@" + result.image().manifestDigest(),
                pushed.pullSpecs().get(0));
        assertEquals(1, result.parents().size());
        assertEquals(env.sample.parent(), result.parents().get(0).written());
        assertTrue(result.parents().get(0).pinned().matches(".*/fedora@sha256:[0-9a-f]{64}"));
    }

    @Test
    void parentsLayers_areReadWithoutCompressingThemAgain_theLayoutHoldsTheRegistrysBlobs() throws Exception {
        JsonNode parent = json.readTree(Tools.skopeo("inspect", "--tls-verify=false",
                "docker://" + result.parents().get(0).pinned()));
        int parentLayers = parent.path("Layers").size();
        long big = result.image().layers().subList(0, parentLayers).stream()
                .filter(l -> l.uncompressedSize() >= 1 << 20).count();
        assertTrue(big >= 1, "the sample's parent has a layer of at least 1 MiB");
        String log = Files.readString(Path.of(result.log()));
        // Of the engine's layers: all but the buildinfo layer the worker adds.
        assertTrue(log.contains("save_image: " + big + " of " + (result.image().layers().size() - 1)
                + " layers read without compressing them"), () -> log.lines().filter(l -> l.contains("save_image"))
                .toList() + " " + result.image().layers());
        for (int i = 0; i < parentLayers; i++) {
            assertEquals(parent.path("Layers").get(i).asText(), result.image().layers().get(i).digest().toString(),
                    "layer " + i + " is the parent's blob");
        }
    }

    @Test
    void skopeo_showsTheRecordedDigestAndLabels() throws Exception {
        JsonNode inspect = json.readTree(Tools.skopeo("inspect", "--tls-verify=false", ref("1.1-1")));
        assertEquals(result.image().manifestDigest(), inspect.path("Digest").asText());
        JsonNode labels = inspect.path("Labels");
        assertEquals("hello-container", labels.path("com.redhat.component").asText());
        assertEquals("slipway/hello", labels.path("name").asText());
        assertEquals("1.1", labels.path("version").asText());
        assertEquals("1", labels.path("release").asText());
        assertEquals(env.sample.repo().secondCommit(), labels.path("vcs-ref").asText());
        assertEquals("git", labels.path("vcs-type").asText());
        assertEquals("Slipway Test Team", labels.path("vendor").asText());
        assertEquals("x86_64", labels.path("architecture").asText());
        assertEquals(result.parents().get(0).digest().toString(),
                labels.path("org.opencontainers.image.base.digest").asText());
        assertEquals("https://bugs.slipway.invalid/hello-container", labels.path("dev.slipway.bug-tracker-url").asText());
        assertFalse(labels.path("build-date").asText().isEmpty());
        for (String tag : List.of("latest", "1.1", result.tags().unique())) {
            assertEquals(result.image().manifestDigest(),
                    json.readTree(Tools.skopeo("inspect", "--tls-verify=false", ref(tag))).path("Digest").asText(),
                    "tag " + tag);
        }
    }

    @Test
    void rpmOnTheExportedFilesystem_listsExactlyTheManifest() throws Exception {
        Path rootfs = env.newDir("rootfs");
        String pulled = env.open.hostPort() + "/" + repo() + "@" + result.image().manifestDigest();
        Tools.docker("pull", "-q", pulled);
        String container = Tools.docker("create", pulled, "/bin/sh").strip();
        try {
            Tools.sh("/usr/bin/docker export " + container + " | tar -C " + rootfs + " -xf -");
        } finally {
            Tools.docker("rm", "-f", container);
            Tools.docker("rmi", "-f", pulled);
        }
        List<String> rpmQa = Arrays.stream(Tools.run("rpm", "-qa", "--root", rootfs.toString(), "--dbpath",
                "/usr/lib/sysimage/rpm", "--qf", "%{NAME}-%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}.%{ARCH}\\n")
                .split("\n")).filter(l -> !l.isBlank() && !l.startsWith("gpg-pubkey")).sorted().toList();
        List<String> manifest = result.packages().packages().stream().map(InstalledPackage::nevra).sorted().toList();
        assertEquals(rpmQa, manifest);
        assertEquals(env.sample.expectedNevras(), manifest);
        assertTrue(manifest.contains(env.sample.added().nevra()), "the layer's added RPM is listed");
        assertTrue(manifest.stream().noneMatch(n -> n.startsWith(env.sample.removed() + "-")),
                "the layer's removed RPM is gone");
        assertEquals("/usr/lib/sysimage/rpm", result.packages().database());
        // The buildinfo layer the worker wrote: the final Dockerfile, as the mirror keeps it, owned by root.
        Path buildinfo = rootfs.resolve("root/buildinfo/Dockerfile-slipway-hello-1.1-1");
        assertEquals(Files.readString(Path.of(result.mirror()).resolve("Dockerfile-slipway-hello-1.1-1")),
                Files.readString(buildinfo));
        assertTrue(Files.readString(buildinfo).endsWith("\nCOPY Dockerfile-slipway-hello-1.1-1"
                + " /root/buildinfo/Dockerfile-slipway-hello-1.1-1\n" + Files.readString(buildinfo).lines()
                .reduce((x, y) -> y).orElseThrow() + "\n"));
    }

    @Test
    void mirror_holdsEverythingAndVerifies() throws Exception {
        Path mirror = Path.of(result.mirror());
        assertEquals(mirrorRoot.resolve("slipway/hello/1.1-1/x86_64"), mirror);
        Tools.runIn(mirror, "sha256sum", "--quiet", "-c", "CHECKSUM");
        String ociSha = Tools.sh("skopeo inspect --raw oci:" + mirror.resolve("oci") + " | sha256sum | cut -d' ' -f1");
        assertEquals(result.image().manifestDigest(), "sha256:" + ociSha.strip());
        JsonNode rpms = json.readTree(mirror.resolve("rpm-manifest.json").toFile());
        assertEquals(result.packages().packages().size(), rpms.path("components").size());
        assertEquals("rpmdb-sqlite", rpms.path("source").asText(), "read from the sqlite rpmdb in the layers");
        JsonNode meta = json.readTree(mirror.resolve("metadata.json").toFile());
        assertEquals(0, meta.path("metadata_version").asInt());
        assertEquals("hello-container", meta.path("build").path("name").asText());
        JsonNode docker = meta.path("output").get(0).path("extra").path("docker");
        assertEquals(result.image().manifestDigest(), docker.path("digests").elements().next().asText());
        assertEquals(result.image().layers().size(), docker.path("layer_sizes").size());
        assertEquals(result.metadata(), Json.mapper().treeToValue(meta, CgDocument.class),
                "the mirror's metadata.json is the document the worker sends the hub");
        assertTrue(Files.exists(mirror.resolve("Dockerfile-slipway-hello-1.1-1")));
        try (Stream<Path> siblings = Files.list(mirror.getParent())) {
            assertEquals(List.of(mirror), siblings.toList(), "no temporary directory is left beside the build");
        }
    }

    @Test
    void dockerLoad_ofTheMirrorArchive_givesTheSameImageId() throws Exception {
        Path mirror = Path.of(result.mirror());
        Path archive;
        try (Stream<Path> files = Files.list(mirror)) {
            archive = files.filter(p -> p.getFileName().toString().endsWith(".tar.gz")).findFirst().orElseThrow();
        }
        String loaded = Tools.sh("/usr/bin/docker load -i " + archive);
        String tag = loaded.replaceAll("(?s).*Loaded image: (\\S+).*", "$1").strip();
        try {
            assertEquals(result.image().id(), Tools.docker("image", "inspect", "--format", "{{.Id}}", tag).strip());
            assertEquals(result.image().configDigest(), result.image().id());
            assertEquals("slipway/hello:1.1-1", tag);
            JsonNode labels = json.readTree(Tools.docker("image", "inspect", "--format", "{{json .Config.Labels}}",
                    tag));
            assertEquals(env.sample.repo().secondCommit(), labels.path("vcs-ref").asText());
            assertEquals("1", labels.path("release").asText());
        } finally {
            Tools.docker("rmi", "-f", tag);
        }
    }

    @Test
    void sboms_areMirrored_andAttachedAsReferrers() throws Exception {
        Path mirror = Path.of(result.mirror());
        JsonNode spdx = json.readTree(mirror.resolve("sbom/sbom.spdx.json").toFile());
        assertEquals("SPDX-2.3", spdx.path("spdxVersion").asText());
        JsonNode cdx = json.readTree(mirror.resolve("sbom/sbom.cdx.json").toFile());
        assertEquals("1.5", cdx.path("specVersion").asText());
        assertTrue(cdx.toString().contains("pkg:rpm/fedora/" + env.sample.added().name() + "@"),
                "the added RPM has a canonical purl");
        String fallbackTag = result.image().manifestDigest().replace(':', '-');
        JsonNode index = json.readTree(Tools.skopeo("inspect", "--raw", "--tls-verify=false", ref(fallbackTag)));
        assertEquals(2, index.path("manifests").size(), index.toString());
        List<String> types = new java.util.ArrayList<>();
        index.path("manifests").forEach(m -> types.add(m.path("artifactType").asText()));
        assertEquals(List.of("application/spdx+json", "application/vnd.cyclonedx+json"), types.stream().sorted().toList());
    }

    @Test
    void provenance_isSignedOverTheImageDigest_andOpensslVerifiesIt() throws Exception {
        Path dir = Path.of(result.mirror()).resolve("attestations");
        JsonNode envelope = json.readTree(Files.readString(dir.resolve("provenance.intoto.jsonl")).strip());
        byte[] payload = java.util.Base64.getDecoder().decode(envelope.path("payload").asText());
        JsonNode statement = json.readTree(payload);
        assertEquals("https://slsa.dev/provenance/v1", statement.path("predicateType").asText());
        assertEquals(result.image().manifestDigest().substring(7),
                statement.path("subject").get(0).path("digest").path("sha256").asText());
        assertTrue(statement.toString().contains(env.sample.repo().secondCommit()));
        // DSSE PAE: "DSSEv1" SP len(type) SP type SP len(body) SP body, verified by openssl, not by Slipway.
        String type = envelope.path("payloadType").asText();
        java.io.ByteArrayOutputStream pae = new java.io.ByteArrayOutputStream();
        pae.write(("DSSEv1 " + type.length() + " " + type + " " + payload.length + " ")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        pae.write(payload);
        Path paeFile = env.newDir("pae").resolve("pae.bin");
        Files.write(paeFile, pae.toByteArray());
        Path sig = paeFile.resolveSibling("sig.der");
        Files.write(sig, java.util.Base64.getDecoder().decode(envelope.path("signatures").get(0).path("sig").asText()));
        String out = Tools.run("openssl", "dgst", "-sha256", "-verify", dir.resolve("provenance-key.pub.pem").toString(),
                "-signature", sig.toString(), paeFile.toString());
        assertTrue(out.contains("Verified OK"), out);
    }

    @Test
    void exitPhase_leavesNoBuildImageOrContainerBehind() {
        String images = Tools.docker("images", "--format", "{{.Repository}}:{{.Tag}}", "slipway-build/*/*");
        assertFalse(images.contains(result.tags().unique()), images);
        String containers = Tools.docker("ps", "-a", "--format", "{{.Image}}");
        assertFalse(containers.contains(result.image().id().substring(7, 19)), containers);
        assertNull(result.error());
        assertNotNull(result.finished());
    }
}
