package dev.slipway.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.registry.transport.LinkHeader;
import dev.slipway.registry.transport.RegistryEndpoint;
import dev.slipway.registry.transport.RegistryResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code GET /v2/<name>/tags/list} (end-8): one page of tags and the {@code Link rel="next"} page, if any. */
final class TagsEndpoint implements RegistryEndpoint<TagsEndpoint.Page> {
    private static final int MAX_PAGE = 16 * 1024 * 1024;

    /** One page: its tags and the next page's URL, resolved against the request. */
    record Page(List<String> tags, Optional<String> next) {
        Page {
            tags = List.copyOf(tags);
        }
    }

    private final String repository;
    private final String target;
    private final ObjectMapper json;

    /** {@code target} is the tags path for the first page, then each {@code Link} target. */
    TagsEndpoint(String repository, String target, ObjectMapper json) {
        this.repository = repository;
        this.target = target;
        this.json = json;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public Set<String> scopes() {
        return ApiPaths.pull(repository);
    }

    @Override
    public Page handle(RegistryResponse response) throws IOException {
        byte[] body = response.readBody(MAX_PAGE);
        JsonNode tags;
        try {
            tags = json.readTree(body).path("tags");
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.REGISTRY_PROTOCOL,
                    "Tried to " + response.action() + " but the answer is not JSON", e);
        }
        List<String> page = new ArrayList<>();
        tags.forEach(t -> page.add(t.asText()));
        Optional<String> next = LinkHeader.next(response.headers().allValues("Link"))
                .map(link -> response.uri().resolve(link).toString());
        return new Page(page, next);
    }
}
