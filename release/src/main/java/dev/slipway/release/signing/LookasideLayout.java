package dev.slipway.release.signing;

import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The containers/image lookaside layout: {@code <repository>@<algo>=<hex>/signature-<N>} below a base URL, where
 * the repository is the docker reference's path without the registry host ({@code reference.Path} in
 * containers/image {@code docker/registries_d.go}); the host is chosen by the {@code registries.d} entry that
 * points at the base, so one base serves one registry.
 *
 * @see <a href="https://github.com/containers/image/blob/main/docs/signature-protocols.md">signature protocols</a>
 */
public final class LookasideLayout {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    /** Only names this layout can produce; no {@code ..}, no empty component, no listing of directories. */
    private static final Pattern SIGNATURE_PATH = Pattern.compile("(" + COMPONENT + "(?:/" + COMPONENT + ")*)"
            + "@(sha256|sha512)=([a-f0-9]{1,128})/signature-([1-9][0-9]{0,5})");

    private LookasideLayout() {
    }

    /** {@code <repository>@sha256=<hex>}, the directory holding one manifest's signatures. */
    public static String directory(ImageReference image, Digest digest) {
        return image.repository() + "@" + digest.withEquals();
    }

    /** {@code <repository>@sha256=<hex>/signature-<index>}, index counting from 1. */
    public static String signature(ImageReference image, Digest digest, int index) {
        if (index < 1) {
            throw new IllegalArgumentException("signature indexes start at 1, got " + index);
        }
        return directory(image, digest) + "/signature-" + index;
    }

    /** The parts of a relative signature path, or empty when the path is not one this layout produces. */
    public static Optional<SignaturePath> parse(String relativePath) {
        Matcher m = SIGNATURE_PATH.matcher(relativePath);
        if (!m.matches() || m.group(1).length() > 255 || !Digest.isValid(m.group(2) + ":" + m.group(3))) {
            return Optional.empty();
        }
        return Optional.of(new SignaturePath(m.group(1), new Digest(m.group(2), m.group(3)),
                Integer.parseInt(m.group(4))));
    }

    /** A parsed {@code <repository>@<digest>/signature-<index>} path. */
    public record SignaturePath(String repository, Digest digest, int index) {
    }
}
