package dev.slipway.common.image;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reference to an image in a registry ({@code [registry/]repository[:tag][@digest]}), normalised the way the
 * Docker CLI does: no registry means Docker Hub ({@code docker.io}), and single-name Hub repositories live under
 * {@code library/}.
 *
 * @see <a href="https://github.com/distribution/reference/blob/main/reference.go">the reference grammar</a>
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {
    public static final String DOCKER_HUB = "docker.io";
    /** The host Docker Hub's registry API actually answers on. */
    public static final String DOCKER_HUB_API = "registry-1.docker.io";

    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern HOST = Pattern.compile(
            "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
                    + "|\\[[0-9a-fA-F:]+\\])(?::[0-9]{1,5})?");

    public ImageReference {
        String shown = show(registry, repository, tag, digest);
        if (registry == null || !HOST.matcher(registry).matches()) {
            throw new InvalidValueException(ErrorCode.INVALID_IMAGE_REFERENCE, shown, "bad registry host");
        }
        if (repository == null || repository.isEmpty() || repository.length() > 255) {
            throw new InvalidValueException(ErrorCode.INVALID_IMAGE_REFERENCE, shown,
                    "repository must be 1 to 255 characters");
        }
        for (String component : repository.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw new InvalidValueException(ErrorCode.INVALID_IMAGE_REFERENCE, shown,
                        "repository path component '" + component + "' must be lower-case letters, digits and"
                                + " single separators");
            }
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw new InvalidValueException(ErrorCode.INVALID_TAG, shown,
                    "a tag is 1 to 128 word characters, dots and dashes, not starting with . or -");
        }
    }

    /** Parses a reference; see the class comment for the normalisation applied. */
    public static ImageReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(ErrorCode.INVALID_IMAGE_REFERENCE, String.valueOf(text), "empty");
        }
        if (!text.equals(text.strip()) || text.contains("://")) {
            throw new InvalidValueException(ErrorCode.INVALID_IMAGE_REFERENCE, text,
                    "expected [registry/]repository[:tag][@digest] without a scheme or spaces");
        }
        String rest = text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = Digest.parse(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        String tag = null;
        int lastSlash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > lastSlash) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = DOCKER_HUB;
        String repository = rest;
        int firstSlash = rest.indexOf('/');
        if (firstSlash > 0) {
            String first = rest.substring(0, firstSlash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost") || first.startsWith("[")) {
                registry = first;
                repository = rest.substring(firstSlash + 1);
            }
        }
        if (registry.equals("index.docker.io") || registry.equals(DOCKER_HUB_API)) {
            registry = DOCKER_HUB;
        }
        if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
            repository = "library/" + repository;
        }
        return new ImageReference(registry, repository, tag, digest);
    }

    public Optional<String> tagOpt() {
        return Optional.ofNullable(tag);
    }

    public Optional<Digest> digestOpt() {
        return Optional.ofNullable(digest);
    }

    /** The reference the registry API is asked for: the digest when known, else the tag, else {@code latest}. */
    public String apiReference() {
        if (digest != null) {
            return digest.toString();
        }
        return tag != null ? tag : "latest";
    }

    /** The same repository pinned to a digest, without a tag (what is written into FROM lines). */
    public ImageReference withDigest(Digest pinned) {
        return new ImageReference(registry, repository, null, pinned);
    }

    /** The same repository with this tag and no digest. */
    public ImageReference withTag(String newTag) {
        return new ImageReference(registry, repository, newTag, null);
    }

    /** The host the registry API answers on (Docker Hub's name differs from its reference name). */
    public String apiHost() {
        return registry.equals(DOCKER_HUB) ? DOCKER_HUB_API : registry;
    }

    /** The repository with its registry, e.g. {@code 127.0.0.1:5000/fedora}. */
    public String name() {
        return registry + "/" + repository;
    }

    @Override
    public String toString() {
        return show(registry, repository, tag, digest);
    }

    private static String show(String registry, String repository, String tag, Digest digest) {
        return registry + "/" + repository + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }
}
