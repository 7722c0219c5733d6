package dev.slipway.release.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The promotion audit file: one JSON object per line and per promoted edge, appended as each edge is verified, so
 * an interrupted run still leaves a record of what it published. Also a {@link PromotionListener}.
 */
public final class AuditLog implements PromotionListener {
    private final Path file;
    private final ObjectMapper json;

    public AuditLog(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    /** The default place: {@code <checkout>/.git/slipway-promotions.jsonl} (outside the reviewed content). */
    public static Path defaultFile(Path checkout) {
        return checkout.resolve(".git").resolve("slipway-promotions.jsonl");
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void promoted(PromotionRecord record) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, json.writeValueAsString(toJson(record)) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PROMOTION_AUDIT_FAILED, "Tried to append the promotion of "
                    + record.destinationReference() + " to " + file + " but could not: " + e.getMessage(), e);
        }
    }

    /** Every record in the file, oldest first (none when it does not exist). */
    public List<PromotionRecord> read() {
        List<PromotionRecord> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(fromJson(json.readTree(line)));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new SlipwayException(ErrorCode.PROMOTION_AUDIT_FAILED,
                    "Tried to read the promotion audit file " + file + " but could not: " + e.getMessage(), e);
        }
        return out;
    }

    private ObjectNode toJson(PromotionRecord r) {
        ObjectNode node = json.createObjectNode();
        node.put("source", r.source());
        node.put("destination", r.destination());
        node.put("digest", r.digest().toString());
        ArrayNode tags = node.putArray("tags");
        r.tags().forEach(tags::add);
        node.put("publishedAt", r.publishedAt().toString());
        node.put("manifestFile", r.manifestFile());
        node.put("commit", r.approval().commit());
        node.put("author", r.approval().author());
        node.put("signature", r.approval().signature().name());
        r.approval().signer().ifPresent(s -> node.put("signer", s));
        node.put("publishingRules", r.publishingRules());
        return node;
    }

    private static PromotionRecord fromJson(JsonNode n) {
        List<String> tags = new ArrayList<>();
        n.path("tags").forEach(t -> tags.add(t.asText()));
        Approval approval = new Approval(n.path("commit").asText(), n.path("author").asText(),
                Approval.SignatureStatus.valueOf(n.path("signature").asText()),
                n.hasNonNull("signer") ? Optional.of(n.path("signer").asText()) : Optional.empty());
        return new PromotionRecord(n.path("source").asText(), n.path("destination").asText(),
                Digest.parse(n.path("digest").asText()), tags, approval, Instant.parse(n.path("publishedAt").asText()),
                n.path("manifestFile").asText(), n.path("publishingRules").asText("not checked"));
    }
}
