package dev.slipway.hub.console;

import java.net.URI;
import java.util.Locale;

/**
 * Turns a task's {@code src} ({@code <git url>#<commit>}) into a link to the commit in a cgit/gitweb-style
 * browser: the configured template, or cgit's {@code {url}/commit/?id={commit}} for http(s) repositories. Only
 * http(s) links are ever produced, so a source can never become a {@code javascript:} link.
 */
public final class CommitLinks {
    private final String template;

    /** @param template the configured template ({@code {url}}, {@code {path}}, {@code {commit}}), or null */
    public CommitLinks(String template) {
        this.template = template;
    }

    /** The commit's page, or null when {@code src} is not {@code <url>#<hex commit>} or gives no web link. */
    public String of(String src) {
        if (src == null) {
            return null;
        }
        int hash = src.lastIndexOf('#');
        if (hash <= 0) {
            return null;
        }
        String commit = src.substring(hash + 1);
        if (!commit.matches("[0-9a-f]{7,64}")) {
            return null;
        }
        URI repo;
        try {
            repo = URI.create(src.substring(0, hash));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (repo.getHost() == null || repo.getRawUserInfo() != null) {
            return null;
        }
        String path = repo.getPath() == null ? "" : repo.getPath().replaceAll("^/+", "").replaceAll("\\.git/?$", "");
        String scheme = repo.getScheme() == null ? "" : repo.getScheme().toLowerCase(Locale.ROOT);
        String web = (scheme.equals("http") ? "http" : "https") + "://" + repo.getRawAuthority() + "/" + path;
        String link;
        if (template != null) {
            link = template.replace("{url}", web).replace("{path}", path).replace("{commit}", commit);
        } else if (scheme.equals("http") || scheme.equals("https")) {
            link = web + "/commit/?id=" + commit;
        } else {
            return null;
        }
        String lower = link.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? link : null;
    }
}
