package dev.slipway.release.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.ImageReference;
import dev.slipway.registry.RegistryClientFactory;
import dev.slipway.release.promotion.Approval;
import dev.slipway.release.promotion.PromotionListener;
import dev.slipway.release.promotion.PromotionRecord;
import dev.slipway.release.signing.CosignPayload;
import dev.slipway.release.signing.CosignRegistrySignatures;
import dev.slipway.release.signing.CosignSignature;
import dev.slipway.release.signing.GpgSimpleSigner;
import dev.slipway.release.signing.LookasideLayout;
import dev.slipway.release.signing.MirrorSignatureWriter;
import dev.slipway.release.signing.MirrorSignatures;
import dev.slipway.release.signing.SimpleSigningPayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs each promoted and verified edge under its production identity: a GPG simple signature per destination tag
 * (skopeo's {@code signedBy} matches a tag pull exactly) and one for the bare repository (which a digest pull
 * accepts), a cosign-format signature in the destination's {@code sha256-<hex>.sig}, a DSSE-signed promotion
 * statement, and copies of all of them in the build's mirror directory. A failure throws, so the promoter reports
 * the edge as failed (the copy stays).
 */
public final class PromotionSigner implements PromotionListener {
    private final SigningSetup setup;
    private final RegistryClientFactory registries;
    private final ObjectMapper json;
    private final Optional<GpgSimpleSigner> gpg;
    private final List<String> done = Collections.synchronizedList(new ArrayList<>());

    public PromotionSigner(SigningSetup setup, RegistryClientFactory registries, ObjectMapper json, Clock clock) {
        this.setup = setup;
        this.registries = registries;
        this.json = json;
        this.gpg = setup.gpgKey().map(key -> new GpgSimpleSigner(key, clock));
    }

    /** One line per signed edge saying what was written where, in the order they were signed. */
    public List<String> summary() {
        return List.copyOf(done);
    }

    /** Serialised: the {@code .sig} manifest and the mirror CHECKSUM are read-modify-write. */
    @Override
    public synchronized void promoted(PromotionRecord record) {
        ImageReference repository = ImageReference.parse(record.destination());
        try {
            List<String> what = new ArrayList<>();
            List<byte[]> gpgSignatures = signGpg(record, repository, what);
            List<CosignSignature> cosign = signCosign(record, repository, what);
            Optional<Path> statements = attest(record, repository, what);
            setup.mirrorRoot().ifPresent(root -> copyToMirror(root, record, repository, gpgSignatures, cosign,
                    statements, what));
            done.add("SIGNED " + record.destinationReference() + ": " + String.join("; ", what));
        } catch (SlipwayException | IllegalArgumentException e) {
            String why = e instanceof SlipwayException s ? s.describe() : e.getMessage();
            throw new SlipwayException(ErrorCode.PROMOTION_SIGNING_FAILED, "Tried to sign the promoted "
                    + record.destinationReference() + " but: " + why, e);
        }
    }

    private List<byte[]> signGpg(PromotionRecord record, ImageReference repository, List<String> what) {
        if (gpg.isEmpty()) {
            return List.of();
        }
        List<ImageReference> identities = new ArrayList<>();
        record.tags().forEach(tag -> identities.add(repository.withTag(tag)));
        identities.add(repository);
        List<byte[]> out = new ArrayList<>();
        for (ImageReference identity : identities) {
            byte[] signature = gpg.get().sign(new SimpleSigningPayload(record.digest(), identity, setup.creator(),
                    record.publishedAt()));
            setup.lookaside().orElseThrow().add(identity, record.digest(), signature);
            out.add(signature);
        }
        what.add(out.size() + " GPG signature(s) in " + setup.lookaside().orElseThrow().root()
                .resolve(LookasideLayout.directory(repository, record.digest())));
        return out;
    }

    private List<CosignSignature> signCosign(PromotionRecord record, ImageReference repository, List<String> what) {
        if (setup.cosignKey().isEmpty()) {
            return List.of();
        }
        CosignSignature signature = CosignSignature.sign(CosignPayload.of(repository, record.digest(),
                Map.of("dev.slipway.source", record.source(), "dev.slipway.approved-by",
                        record.approval().commit())), setup.cosignKey().get());
        new CosignRegistrySignatures(registries.forHost(repository.apiHost()), json)
                .add(repository, record.digest(), signature);
        what.add("cosign signature in " + repository.name() + ":"
                + CosignRegistrySignatures.signatureTag(record.digest()));
        return List.of(signature);
    }

    /** Appends the signed statement; returns the file holding every statement for this repository and digest. */
    private Optional<Path> attest(PromotionRecord record, ImageReference repository, List<String> what) {
        if (setup.attestations().isEmpty()) {
            return Optional.empty();
        }
        byte[] envelope = setup.attestations().get().signPromotion(statement(record, repository)).toJson();
        Path file = setup.attestationDir().resolve(LookasideLayout.directory(repository, record.digest()))
                .resolve("promotion.intoto.jsonl");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, (new String(envelope, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PROMOTION_SIGNING_FAILED,
                    "Tried to append the promotion statement to " + file + " but " + e, e);
        }
        what.add("promotion statement in " + file);
        return Optional.of(file);
    }

    private void copyToMirror(Path root, PromotionRecord record, ImageReference repository, List<byte[]> gpgSigs,
            List<CosignSignature> cosign, Optional<Path> statements, List<String> what) {
        Path build = MirrorBuilds.find(root, record.digest(), json).orElseThrow(() -> new SlipwayException(
                ErrorCode.PROMOTION_MIRROR_NOT_FOUND, "no build directory below the mirror " + root
                        + " lists " + record.digest() + " in its metadata.json"));
        MirrorSignatureWriter writer = new MirrorSignatureWriter();
        writer.write(build, new MirrorSignatures(repository, record.digest(), gpgSigs, cosign));
        if (statements.isPresent()) {
            try {
                List<byte[]> lines = Files.readAllLines(statements.get(), StandardCharsets.UTF_8).stream()
                        .filter(l -> !l.isBlank()).map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
                writer.writeAttestations(build, "promotion-" + repository.name().replaceAll("[^A-Za-z0-9._-]", "_"),
                        lines);
            } catch (IOException e) {
                throw new SlipwayException(ErrorCode.PROMOTION_SIGNING_FAILED,
                        "Tried to read the promotion statements " + statements.get() + " but " + e, e);
            }
        }
        what.add("copied into the mirror " + build);
    }

    private dev.slipway.release.provenance.PromotionRecord statement(PromotionRecord record,
            ImageReference repository) {
        ImageReference source = ImageReference.parse(record.source());
        Approval approval = record.approval();
        String signature = switch (approval.signature()) {
            case GOOD -> "good";
            case REJECTED -> "rejected";
            case NOT_CHECKED -> null;
        };
        return new dev.slipway.release.provenance.PromotionRecord(source, repository, record.digest(),
                record.tags(), approval.commit(), approval.author(), signature, record.publishedAt(),
                setup.promoterId());
    }
}
