package dev.slipway.release.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SPDX license and exception identifiers, read from the copies of the SPDX license list that cyclonedx-core-java
 * bundles ({@code licenses/licenses.json} for licenses, {@code spdx.schema.json} for licenses plus exceptions), so
 * Slipway does not keep its own list.
 */
final class LicenseList {
    private final Map<String, String> licenses;
    private final Map<String, String> exceptions;

    private LicenseList(Map<String, String> licenses, Map<String, String> exceptions) {
        this.licenses = Map.copyOf(licenses);
        this.exceptions = Map.copyOf(exceptions);
    }

    /** Loads both lists from the class path. */
    static LicenseList load(ObjectMapper json) {
        Map<String, String> licenses = new HashMap<>();
        for (JsonNode license : read(json, "licenses/licenses.json").path("licenses")) {
            String id = license.path("licenseId").asText();
            licenses.put(id.toLowerCase(Locale.ROOT), id);
        }
        Map<String, String> exceptions = new HashMap<>();
        for (JsonNode id : read(json, "spdx.schema.json").path("enum")) {
            String key = id.asText().toLowerCase(Locale.ROOT);
            if (!licenses.containsKey(key)) {
                exceptions.put(key, id.asText());
            }
        }
        if (licenses.isEmpty() || exceptions.isEmpty()) {
            throw new SlipwayException(ErrorCode.INTERNAL,
                    "Tried to load the SPDX license list bundled with cyclonedx-core-java but it was empty");
        }
        return new LicenseList(licenses, exceptions);
    }

    /** The listed spelling of a license id, matched case-insensitively as SPDX allows. */
    Optional<String> license(String id) {
        return Optional.ofNullable(licenses.get(id.toLowerCase(Locale.ROOT)));
    }

    /** The listed spelling of an exception id (the right-hand side of WITH). */
    Optional<String> exception(String id) {
        return Optional.ofNullable(exceptions.get(id.toLowerCase(Locale.ROOT)));
    }

    private static JsonNode read(ObjectMapper json, String resource) {
        try (InputStream in = LicenseList.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SlipwayException(ErrorCode.INTERNAL,
                        "Tried to load " + resource + " from cyclonedx-core-java but it is not on the class path");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "Tried to read " + resource + " but " + e.getMessage(), e);
        }
    }
}
