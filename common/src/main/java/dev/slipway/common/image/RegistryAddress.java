package dev.slipway.common.image;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A registry as users name it: the Docker way ({@code 127.0.0.1:5000}, {@code registry.example.org},
 * {@code [::1]:5000}) or as a URL ({@code https://registry.example.org}, {@code http://10.0.0.5:5000}). A Docker
 * name is reached over HTTPS, and over plain HTTP only when it is loopback or marked insecure (Docker's
 * {@code insecure-registries} rule); a URL says its scheme itself.
 *
 * @param scheme {@code http} or {@code https}
 * @param host {@code host[:port]}, as image references name the registry
 */
public record RegistryAddress(String scheme, String host) {
    private static final Pattern HOST = Pattern.compile(
            "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
                    + "|\\[[0-9a-fA-F:]+\\])(?::[0-9]{1,5})?");

    public RegistryAddress {
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new InvalidValueException(ErrorCode.INVALID_INPUT, "registry", scheme + "://" + host,
                    "the scheme must be http or https");
        }
        if (host == null || !HOST.matcher(host).matches()) {
            throw new InvalidValueException(ErrorCode.INVALID_INPUT, "registry", String.valueOf(host),
                    "expected host[:port]");
        }
    }

    /**
     * Parses a registry name or URL.
     *
     * @param insecure registries ({@code host[:port]} or {@code host}) reached over plain HTTP besides loopback
     */
    public static RegistryAddress parse(String text, Set<String> insecure) {
        if (text == null || text.isBlank() || !text.equals(text.strip())) {
            throw new InvalidValueException(ErrorCode.INVALID_INPUT, "registry", String.valueOf(text),
                    "expected host[:port] or http(s)://host[:port]");
        }
        int sep = text.indexOf("://");
        if (sep < 0) {
            String host = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            if (host.contains("/")) {
                throw new InvalidValueException(ErrorCode.INVALID_INPUT, "registry", text,
                        "a registry name has no path (the repository goes in the image reference)");
            }
            return new RegistryAddress(plainHttp(host, insecure) ? "http" : "https", host);
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(ErrorCode.INVALID_INPUT, "registry", text, e.getMessage());
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new InvalidValueException(ErrorCode.INVALID_INPUT, "registry", text.replaceAll("//[^/@]*@", "//***@"),
                    "a registry URL is scheme://host[:port] only (credentials go in the auth file)");
        }
        String host = uri.getRawAuthority();
        return new RegistryAddress(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT), host);
    }

    /** Docker's rule: plain HTTP for loopback names and for the registries marked insecure; HTTPS otherwise. */
    public static boolean plainHttp(String host, Set<String> insecure) {
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d+$", "");
        boolean loopback = name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]");
        return loopback || insecure.contains(host) || insecure.contains(name);
    }

    /** {@code scheme://host[:port]}, the base of the registry's {@code /v2/} API. */
    public URI uri() {
        return URI.create(scheme + "://" + host);
    }

    @Override
    public String toString() {
        return scheme + "://" + host;
    }
}
