package dev.slipway.hub.policy;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The SCM locations builds may come from ({@code scheme://host[:port][/path-prefix]}, Koji's
 * {@code allowed_scms}). Scheme and host compare exactly; the path compares by whole segments, so
 * {@code https://src.example/containers} admits {@code .../containers/foo} but not {@code .../containers-evil}.
 */
public record ScmAllowList(List<String> entries) {
    public ScmAllowList {
        entries = List.copyOf(entries);
        for (String entry : entries) {
            URI uri = URI.create(entry);
            if (uri.getScheme() == null || (uri.getHost() == null && !"file".equals(uri.getScheme()))) {
                throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                        "allowed_scms entry '" + entry + "' must be scheme://host[/path]");
            }
        }
    }

    /** Throws SOURCE_NOT_ALLOWED unless some entry admits the repository. */
    public void check(URI repository) {
        for (String entry : entries) {
            if (admits(URI.create(entry), repository)) {
                return;
            }
        }
        throw new SlipwayException(ErrorCode.SOURCE_NOT_ALLOWED,
                "Source repository '" + repository + "' is not in the hub's SCM allow-list " + entries);
    }

    private static boolean admits(URI allowed, URI candidate) {
        if (!allowed.getScheme().equalsIgnoreCase(candidate.getScheme())
                || !host(allowed).equals(host(candidate)) || allowed.getPort() != candidate.getPort()) {
            return false;
        }
        String prefix = trim(allowed.normalize().getPath());
        String path = trim(candidate.normalize().getPath());
        if (path.contains("/../") || path.endsWith("/..")) {
            return false;
        }
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static String host(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    private static String trim(String path) {
        String p = path == null ? "" : path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
