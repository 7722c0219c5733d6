package dev.slipway.registry.transport;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The byte ranges of chunked uploads: the {@code Content-Range} a PATCH sends ({@code <start>-<end>}, inclusive,
 * no unit) and the {@code Range} the registry answers with ({@code 0-<end>}, sometimes with a {@code bytes=} unit).
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pushing-a-blob-in-chunks">
 *     OCI chunked upload</a>
 */
public record ContentRange(long start, long end) {
    private static final Pattern RANGE = Pattern.compile("(?:bytes[= ])?\\s*(\\d+)-(\\d+)");

    public ContentRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + "-" + end);
        }
    }

    /** The range of {@code length} (> 0) bytes starting at {@code offset}. */
    public static ContentRange ofChunk(long offset, long length) {
        return new ContentRange(offset, offset + length - 1);
    }

    /** Parses a registry's {@code Range} header. */
    public static ContentRange parse(String header) {
        Matcher m = header == null ? null : RANGE.matcher(header.strip());
        if (m == null || !m.matches()) {
            throw new SlipwayException(ErrorCode.REGISTRY_PROTOCOL,
                    "The registry sent an unreadable Range header '" + header + "', expected <start>-<end>");
        }
        try {
            return new ContentRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw new SlipwayException(ErrorCode.REGISTRY_PROTOCOL,
                    "The registry sent an impossible Range header '" + header + "'", e);
        }
    }

    /** The number of bytes covered. */
    public long length() {
        return end - start + 1;
    }

    /** The header value: {@code start-end}. */
    @Override
    public String toString() {
        return start + "-" + end;
    }
}
