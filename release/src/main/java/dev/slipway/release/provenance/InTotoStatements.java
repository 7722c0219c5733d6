package dev.slipway.release.provenance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.TreeMap;

/**
 * Builds in-toto Statement v1 JSON: SLSA Provenance v1 for a build, and Slipway's promotion predicate for a
 * promoted digest. Subjects are the image repository name and its manifest sha256.
 */
public final class InTotoStatements {
    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    public static final String SLSA_PROVENANCE = "https://slsa.dev/provenance/v1";
    /** Our build type: how externalParameters are to be read. */
    public static final String BUILD_TYPE = "https://slipway.dev/container-build/v1";
    /** Our promotion predicate (like promo-tools' {@code https://k8s.io/promo-tools/promotion/v1}). */
    public static final String PROMOTION_PREDICATE = "https://slipway.dev/promotion/v1";

    private final JsonNodeFactory f = JsonNodeFactory.instance;

    /** The SLSA provenance statement of a build. */
    public ObjectNode buildProvenance(BuildProvenanceInput in) {
        ObjectNode predicate = f.objectNode();
        ObjectNode definition = predicate.putObject("buildDefinition");
        definition.put("buildType", BUILD_TYPE);
        ObjectNode external = definition.putObject("externalParameters");
        ObjectNode source = external.putObject("source");
        source.put("uri", gitUri(in.sourceRepository()));
        if (in.ref() != null) {
            source.put("ref", in.ref());
        }
        source.put("commit", in.commit());
        external.put("target", in.target());
        external.put("scratch", in.scratch());
        if (!in.internalParameters().isEmpty()) {
            ObjectNode internal = definition.putObject("internalParameters");
            new TreeMap<>(in.internalParameters()).forEach(internal::put);
        }
        ArrayNode dependencies = definition.putArray("resolvedDependencies");
        ObjectNode git = dependencies.addObject();
        git.put("uri", gitUri(in.sourceRepository()) + "@" + (in.ref() != null ? in.ref() : in.commit()));
        git.putObject("digest").put("gitCommit", in.commit());
        for (ImageReference parent : in.parentImages()) {
            ObjectNode image = dependencies.addObject();
            image.put("uri", ociPurl(parent));
            image.put("name", parent.toString());
            image.putObject("digest").put(parent.digest().algorithm(), parent.digest().hex());
        }
        for (RpmRepository repo : in.rpmRepositories()) {
            ObjectNode rpm = dependencies.addObject();
            rpm.put("uri", repo.baseUrl().toString());
            rpm.put("name", repo.id());
            if (repo.repomdDigest() != null) {
                rpm.putObject("digest").put(repo.repomdDigest().algorithm(), repo.repomdDigest().hex());
            }
        }
        ObjectNode run = predicate.putObject("runDetails");
        run.putObject("builder").put("id", in.builderId().toString());
        ObjectNode metadata = run.putObject("metadata");
        metadata.put("invocationId", in.invocationId());
        metadata.put("startedOn", time(in.startedOn()));
        metadata.put("finishedOn", time(in.finishedOn()));
        return statement(in.image(), in.manifestDigest(), SLSA_PROVENANCE, predicate);
    }

    /** The promotion statement of one promoted digest. */
    public ObjectNode promotion(PromotionRecord in) {
        ObjectNode predicate = f.objectNode();
        predicate.put("source", in.source().name() + "@" + in.digest());
        predicate.put("destination", in.destination().name() + "@" + in.digest());
        ArrayNode tags = predicate.putArray("tags");
        in.tags().forEach(tags::add);
        ObjectNode approval = predicate.putObject("approval");
        approval.put("commit", in.approvingCommit());
        approval.put("author", in.approvingAuthor());
        if (in.commitSignature() != null) {
            approval.put("signature", in.commitSignature());
        }
        predicate.put("publishedOn", time(in.publishedAt()));
        predicate.put("promoter", in.promoterId().toString());
        return statement(in.destination(), in.digest(), PROMOTION_PREDICATE, predicate);
    }

    private ObjectNode statement(ImageReference image, Digest digest, String predicateType, ObjectNode predicate) {
        ObjectNode statement = f.objectNode();
        statement.put("_type", STATEMENT_TYPE);
        ObjectNode subject = statement.putArray("subject").addObject();
        subject.put("name", image.name());
        subject.putObject("digest").put(digest.algorithm(), digest.hex());
        statement.put("predicateType", predicateType);
        statement.set("predicate", predicate);
        return statement;
    }

    private static String gitUri(String repository) {
        return repository.startsWith("git+") ? repository : "git+" + repository;
    }

    /** {@code pkg:oci/<name>@<digest>?repository_url=<registry/repository>} (purl-spec OCI type). */
    private static String ociPurl(ImageReference image) {
        String repository = image.repository();
        String name = repository.substring(repository.lastIndexOf('/') + 1);
        return "pkg:oci/" + name + "@" + encode(image.digest().toString()) + "?repository_url="
                + encode(image.name());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
