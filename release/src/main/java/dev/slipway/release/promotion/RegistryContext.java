package dev.slipway.release.promotion;

import java.util.Objects;
import java.util.Optional;

/**
 * One registry of a promoter manifest: {@code name} is {@code host[:port][/path]} (images live at
 * {@code name/<image>}), {@code src} marks the staging registry images are promoted from.
 */
public record RegistryContext(String name, Optional<String> serviceAccount, boolean src) {
    public RegistryContext {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
    }

    /** The registry host, e.g. {@code 127.0.0.1:5000}. */
    public String host() {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /** The repository an image of this name has in this registry: the path prefix, then the image name. */
    public String repository(String imageName) {
        int slash = name.indexOf('/');
        return slash < 0 ? imageName : name.substring(slash + 1) + "/" + imageName;
    }
}
