package dev.slipway.worker.dockerfile;

/**
 * The parser directives found at the top of a Dockerfile: the escape character and a {@code # syntax=} frontend.
 *
 * @param escape the character that escapes the next one and continues lines: {@code \} or {@code `}
 * @param syntax the frontend named by {@code # syntax=}, or null when there is none
 * @param syntaxLine the line of the syntax directive, or 0
 * @see <a href="https://docs.docker.com/reference/dockerfile/#parser-directives">parser directives</a>
 */
public record Directives(char escape, String syntax, int syntaxLine) {
    /** No directives: backslash escapes, no frontend. */
    public static final Directives DEFAULT = new Directives('\\', null, 0);

    public Directives {
        if (escape != '\\' && escape != '`') {
            throw new IllegalArgumentException("escape must be \\ or `, not " + escape);
        }
    }
}
