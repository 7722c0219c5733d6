package dev.slipway.hub.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.http.WireJson;
import dev.slipway.release.promotion.Approval;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicationRequestTest {
    private static final String LINE = "{\"source\":\"staging.example/team/app@sha256:%1$s\",\"destination\":\"%2$s\","
            + "\"digest\":\"sha256:%1$s\",\"tags\":[\"1.0\"],\"publishedAt\":\"2026-01-02T03:04:05Z\","
            + "\"manifestFile\":\"images/team/images.yaml\",\"commit\":\"%3$s\",\"author\":\"A <a@example.org>\","
            + "\"signature\":\"NOT_CHECKED\",\"publishingRules\":\"passed\"}";

    private static PublicationRequest read(String digestHex, String destination, String commit) throws Exception {
        return WireJson.strict().readValue(String.format(LINE, digestHex, destination, commit),
                PublicationRequest.class);
    }

    @Test
    void validated_auditLineAsWritten_keepsEveryValue() throws Exception {
        PublicationRequest.Checked c = read("a".repeat(64), "prod.example/team/app", "b".repeat(40)).validated();
        assertEquals("sha256:" + "a".repeat(64), c.digest().toString());
        assertEquals(List.of("1.0"), c.tags());
        assertEquals(Approval.SignatureStatus.NOT_CHECKED, c.signature());
        assertEquals("2026-01-02T03:04:05Z", c.publishedAt().toString());
        assertEquals("images/team/images.yaml", c.manifestFile());
    }

    @Test
    void validated_badDigestDestinationOrCommit_isBadParameter() throws Exception {
        for (PublicationRequest r : List.of(read("a".repeat(63), "prod.example/team/app", "b".repeat(40)),
                read("a".repeat(64), "prod.example/team/app:1.0", "b".repeat(40)),
                read("a".repeat(64), "prod.example/team/app", "HEAD"))) {
            SlipwayException e = assertThrows(SlipwayException.class, r::validated);
            assertEquals(ErrorCode.BAD_PARAMETER, e.code());
        }
    }
}
