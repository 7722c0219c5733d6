package dev.slipway.release.sbom;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The distribution an image's packages come from, as purls name it: the lower-case {@code namespace} (the purl
 * "vendor", e.g. {@code fedora}) and the {@code distro} qualifier (e.g. {@code fedora-40}).
 *
 * @see <a href="https://github.com/package-url/purl-spec/blob/main/PURL-TYPES.rst#rpm">purl rpm type</a>
 */
public record Distro(String namespace, String qualifier) {
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern QUALIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    public Distro {
        if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
            throw new SlipwayException(ErrorCode.SBOM_INPUT_INVALID, "Tried to use '" + namespace
                    + "' as a purl namespace but it must be lower-case letters, digits, '.', '_' or '-'");
        }
        if (qualifier == null || !QUALIFIER.matcher(qualifier).matches()) {
            throw new SlipwayException(ErrorCode.SBOM_INPUT_INVALID, "Tried to use '" + qualifier
                    + "' as the purl distro qualifier but it must be letters, digits, '.', '_', '+' or '-'");
        }
    }

    /** A distribution from its os-release {@code ID} and {@code VERSION_ID}, e.g. ("fedora", "40"). */
    public static Distro of(String id, String versionId) {
        String ns = namespaceFor(id);
        String lowerId = id.toLowerCase(Locale.ROOT);
        return new Distro(ns, versionId == null || versionId.isBlank() ? lowerId : lowerId + "-" + versionId);
    }

    /**
     * Reads {@code /etc/os-release} text (shell-style {@code KEY=value} lines, values optionally quoted), as syft
     * does: the namespace is {@code ID} ({@code rhel} becomes {@code redhat}, {@code opensuse-*} becomes
     * {@code opensuse}) and the qualifier {@code ID-VERSION_ID}.
     */
    public static Distro fromOsRelease(String osRelease) {
        Map<String, String> values = new HashMap<>();
        for (String line : osRelease.split("\\R")) {
            String trimmed = line.strip();
            int eq = trimmed.indexOf('=');
            if (trimmed.startsWith("#") || eq <= 0) {
                continue;
            }
            values.put(trimmed.substring(0, eq), unquote(trimmed.substring(eq + 1).strip()));
        }
        String id = values.get("ID");
        if (id == null || id.isBlank()) {
            throw new SlipwayException(ErrorCode.SBOM_INPUT_INVALID,
                    "Tried to read the distribution from os-release but it has no ID line");
        }
        return of(id, values.get("VERSION_ID"));
    }

    private static String namespaceFor(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        if (lower.equals("rhel")) {
            return "redhat";
        }
        return lower.startsWith("opensuse") ? "opensuse" : lower;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
