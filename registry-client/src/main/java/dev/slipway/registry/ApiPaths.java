package dev.slipway.registry;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import java.util.Set;
import java.util.regex.Pattern;

/** Builds validated distribution API paths and token scopes, so no caller input can escape its repository. */
final class ApiPaths {
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

    private ApiPaths() {
    }

    static String manifest(String repository, String reference) {
        return base(repository) + "/manifests/" + checkReference(repository, reference);
    }

    static String blob(String repository, Digest digest) {
        return base(repository) + "/blobs/" + digest;
    }

    static String uploads(String repository) {
        return base(repository) + "/blobs/uploads/";
    }

    static String tags(String repository) {
        return base(repository) + "/tags/list";
    }

    /** Token scope to read a repository. */
    static Set<String> pull(String repository) {
        return Set.of("repository:" + repository + ":pull");
    }

    /** Token scope to write a repository (pushing needs pull too, to check what exists). */
    static Set<String> push(String repository) {
        return Set.of("repository:" + repository + ":pull,push");
    }

    /** True when the manifest reference is a digest rather than a tag. */
    static boolean isDigest(String reference) {
        return reference.contains(":");
    }

    static String checkReference(String repository, String reference) {
        if (reference == null) {
            throw new InvalidValueException(ErrorCode.INVALID_TAG, "null", "no tag or digest given");
        }
        if (isDigest(reference)) {
            return Digest.parse(reference).toString();
        }
        if (!TAG.matcher(reference).matches()) {
            throw new InvalidValueException(ErrorCode.INVALID_TAG, repository + ":" + reference,
                    "a tag is 1 to 128 word characters, dots and dashes, not starting with . or -");
        }
        return reference;
    }

    private static String base(String repository) {
        // ImageReference validates the repository grammar (lower-case components, single separators).
        new ImageReference("localhost", repository, null, null);
        return "/v2/" + repository;
    }
}
