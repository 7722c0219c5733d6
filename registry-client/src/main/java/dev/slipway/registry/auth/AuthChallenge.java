package dev.slipway.registry.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235 §4.1), e.g. {@code Bearer
 * realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:app:pull"}; parameter names
 * are lower-cased, values unquoted.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">token authentication</a>
 */
public record AuthChallenge(String scheme, Map<String, String> params) {
    private static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~";

    public AuthChallenge {
        scheme = scheme.toLowerCase(Locale.ROOT);
        params = Map.copyOf(params);
    }

    public boolean isBearer() {
        return "bearer".equals(scheme);
    }

    public boolean isBasic() {
        return "basic".equals(scheme);
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The scopes the registry asked for: the {@code scope} value holds several, separated by spaces. */
    public List<String> scopes() {
        return param("scope").map(s -> Arrays.stream(s.trim().split("\\s+")).filter(x -> !x.isEmpty()).toList())
                .orElse(List.of());
    }

    /** All challenges in all given header values, in order. Unreadable parts are skipped, never fatal. */
    public static List<AuthChallenge> parse(List<String> headerValues) {
        List<AuthChallenge> out = new ArrayList<>();
        for (String value : headerValues) {
            parseValue(value, out);
        }
        return List.copyOf(out);
    }

    private static void parseValue(String s, List<AuthChallenge> out) {
        String scheme = null;
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            i = skip(s, i, " \t,");
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && isTokenChar(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                i++; // a stray character: skip it
                continue;
            }
            String token = s.substring(start, i);
            int j = skip(s, i, " \t");
            if (scheme != null && j < n && s.charAt(j) == '=') {
                j = skip(s, j + 1, " \t");
                StringBuilder value = new StringBuilder();
                i = j < n && s.charAt(j) == '"' ? readQuoted(s, j + 1, value) : readBare(s, j, value);
                params.put(token.toLowerCase(Locale.ROOT), value.toString());
            } else {
                if (scheme != null) {
                    out.add(new AuthChallenge(scheme, params));
                    params = new LinkedHashMap<>();
                }
                scheme = token;
                i = j;
            }
        }
        if (scheme != null) {
            out.add(new AuthChallenge(scheme, params));
        }
    }

    private static int readQuoted(String s, int i, StringBuilder value) {
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '\\' && i < s.length()) {
                value.append(s.charAt(i++));
            } else if (c == '"') {
                return i;
            } else {
                value.append(c);
            }
        }
        return i; // unterminated: take what there is
    }

    private static int readBare(String s, int i, StringBuilder value) {
        while (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
            value.append(s.charAt(i++));
        }
        return i;
    }

    private static int skip(String s, int i, String chars) {
        while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static boolean isTokenChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || TOKEN_CHARS.indexOf(c) >= 0);
    }
}
