package dev.slipway.release.sbom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;

/**
 * Validates SBOM bytes against the official schemas: SPDX 2.3 (the SPDX project's schema, vendored from
 * org.spdx:tools-java, checked with networknt json-schema-validator) and CycloneDX 1.5 (the schema bundled in
 * cyclonedx-core-java, checked by its own parser).
 */
final class SchemaValidation {
    private final ObjectMapper json = new ObjectMapper();

    /** The SPDX 2.3 schema's complaints; empty when valid. */
    List<String> spdxErrors(byte[] document) {
        try (InputStream schemaText = SchemaValidation.class.getResourceAsStream("spdx-schema-v2.3.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schemaText);
            Set<ValidationMessage> messages = schema.validate(json.readTree(document));
            return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CycloneDX 1.5 schema's complaints; empty when valid. */
    List<String> cycloneDxErrors(byte[] document) {
        try {
            return new JsonParser().validate(document, Version.VERSION_15).stream()
                    .map(ParseException::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
