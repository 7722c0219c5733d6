package dev.slipway.registry;

import dev.slipway.registry.transport.RegistryEndpoint;
import dev.slipway.registry.transport.RegistryResponse;
import java.util.Set;

/** {@code GET /v2/}: the API version check (end-1); answers the registry's Docker-Distribution-Api-Version. */
final class ApiVersionEndpoint implements RegistryEndpoint<String> {
    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String target() {
        return "/v2/";
    }

    @Override
    public Set<String> scopes() {
        return Set.of();
    }

    @Override
    public String handle(RegistryResponse response) {
        return response.header("Docker-Distribution-Api-Version").orElse("");
    }
}
