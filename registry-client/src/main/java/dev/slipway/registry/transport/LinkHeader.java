package dev.slipway.registry.transport;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RFC 8288 {@code Link} headers as the distribution API uses them for pagination:
 * {@code </v2/app/tags/list?n=2&last=b>; rel="next"}.
 */
public final class LinkHeader {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]*)*)");
    private static final Pattern REL = Pattern.compile("(?i)rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,\"]+))");

    private LinkHeader() {
    }

    /** The target of the first link whose {@code rel} includes {@code next}, across all given header values. */
    public static Optional<String> next(List<String> headerValues) {
        return find(headerValues, "next");
    }

    /** The target of the first link with this relation type. */
    public static Optional<String> find(List<String> headerValues, String relation) {
        for (String value : headerValues) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                while (rel.find()) {
                    String types = rel.group(1) != null ? rel.group(1) : rel.group(2);
                    // rel may list several space-separated relation types.
                    for (String type : types.trim().split("\\s+")) {
                        if (type.equalsIgnoreCase(relation)) {
                            return Optional.of(link.group(1).trim());
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
