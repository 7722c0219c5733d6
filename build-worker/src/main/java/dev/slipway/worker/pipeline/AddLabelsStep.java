package dev.slipway.worker.pipeline;

import dev.slipway.worker.config.SiteConfig;
import dev.slipway.worker.dockerfile.DockerfileRewriter;
import dev.slipway.worker.dockerfile.FinalDockerfile;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import dev.slipway.worker.yum.YumRepoFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The add_labels step, after resolve_parents (OSBS's add_labels_in_dockerfile, change_from_in_dockerfile and
 * add_dockerfile): compute the labels every published image carries, pin every FROM, and produce the final Dockerfile
 * with one LABEL line and the buildinfo copy of itself. The same values become the manifest's OCI annotations.
 */
final class AddLabelsStep implements BuildStep {
    static final String BUG_TRACKER = "dev.slipway.bug-tracker-url";
    static final String SUPPORT = "dev.slipway.support-disclaimer";
    private static final String OCI = "org.opencontainers.image.";

    private final SiteConfig site;
    private final Clock clock;

    AddLabelsStep(SiteConfig site, Clock clock) {
        this.site = site;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "add_labels";
    }

    @Override
    public void run(PipelineRun state) {
        Map<String, String> own = state.identity.labels();
        Map<String, String> labels = new LinkedHashMap<>();
        String created = state.started.truncatedTo(ChronoUnit.SECONDS).toString();
        String source = state.request.source().repository().toString();
        String revision = state.request.source().commit().hex();
        String release = state.nvr.release();
        // Site labels: the site decides who publishes and where from.
        putIfSet(labels, "vendor", site.vendor());
        putIfSet(labels, "authoritative-source-url", site.authoritativeSourceUrl());
        putIfSet(labels, "url", expand(site.urlFormat(), state));
        // Labels where the Dockerfile's own value wins (OSBS's dont_overwrite_if_in_dockerfile, plus help labels).
        putUnlessOwn(labels, own, "distribution-scope", site.distributionScope());
        putUnlessOwn(labels, own, BUG_TRACKER, expand(site.bugTrackerUrl(), state));
        putUnlessOwn(labels, own, SUPPORT, site.supportDisclaimer());
        // Automatic labels: always the build's own facts.
        labels.put("build-date", created);
        labels.put("architecture", state.engine.arch());
        labels.put("vcs-type", "git");
        labels.put("vcs-url", source);
        labels.put("vcs-ref", revision);
        if (!release.equals(own.get("release"))) {
            labels.put("release", release);
        }
        String licenses = own.getOrDefault(OCI + "licenses", own.getOrDefault("license", site.defaultLicenses()));
        Map<String, String> oci = new LinkedHashMap<>();
        oci.put(OCI + "created", created);
        oci.put(OCI + "version", state.nvr.versionRelease());
        oci.put(OCI + "revision", revision);
        oci.put(OCI + "source", source);
        oci.put(OCI + "vendor", labels.get("vendor"));
        oci.put(OCI + "licenses", licenses);
        oci.put(OCI + "url", labels.get("url"));
        oci.put(OCI + "title", state.imageName);
        if (state.finalBase != null) {
            ParentImage base = state.parents.stream().filter(p -> p.written().equals(state.finalBase)).findFirst()
                    .orElseThrow();
            oci.put(OCI + "base.name", base.written());
            oci.put(OCI + "base.digest", base.digest().toString());
        }
        oci.values().removeIf(v -> v == null);
        labels.putAll(oci);
        state.annotations.putAll(oci);
        Map<String, String> pins = new LinkedHashMap<>();
        state.parents.forEach(p -> pins.put(p.written(), p.pinned()));
        List<String> repoFiles = state.yumRepos.stream().map(YumRepoFile::fileName).toList();
        FinalDockerfile result = DockerfileRewriter.rewrite(state.dockerfile, pins, state.identity, labels,
                FetchYumReposStep.CONTEXT_DIR, repoFiles);
        state.finalDockerfile = result;
        state.labels.putAll(own);
        state.labels.putAll(labels);
        state.log.line("Final Dockerfile:\n" + result.text());
    }

    private static void putIfSet(Map<String, String> labels, String key, String value) {
        if (value != null && !value.isBlank()) {
            labels.put(key, value);
        }
    }

    private static void putUnlessOwn(Map<String, String> labels, Map<String, String> own, String key, String value) {
        if (!own.containsKey(key)) {
            putIfSet(labels, key, value);
        }
    }

    private static String expand(String format, PipelineRun state) {
        if (format == null) {
            return null;
        }
        return format.replace("{name}", state.imageName).replace("{version}", state.version)
                .replace("{release}", state.nvr.release()).replace("{component}", state.component);
    }
}
