package dev.slipway.worker.yum;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One fetched yum {@code .repo} file of a build's {@code yum_repourls}: where it came from, the name it gets in
 * {@code /etc/yum.repos.d/} during the build, its repository ids and its text.
 *
 * @param fileName unique per URL ({@code slipway-<8 hex of the URL's sha256>-<base name>.repo}), so two URLs with
 *     the same base name never overwrite each other, and the final {@code rm -f} removes exactly these files
 */
public record YumRepoFile(URI url, String fileName, List<String> repoIds, String text) {
    private static final Pattern SAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final List<String> SOURCES = List.of("baseurl", "metalink", "mirrorlist");

    public YumRepoFile {
        repoIds = List.copyOf(repoIds);
    }

    /** The hex SHA-256 of the text, as the build's metadata records it. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Parses {@code text} fetched from {@code url} as a yum repository file: INI sections, each (other than
     * {@code [main]}) with a {@code baseurl}, {@code metalink} or {@code mirrorlist}; at least one such section.
     *
     * @throws SlipwayException {@link ErrorCode#YUM_REPO_INVALID} naming the line or section at fault
     */
    public static YumRepoFile parse(URI url, String text) {
        List<String> ids = new ArrayList<>();
        List<Boolean> hasSource = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw invalid(url, "line " + (i + 1) + " is not a [section] header: " + shorten(line));
                }
                ids.add(line.substring(1, line.length() - 1).strip());
                hasSource.add(false);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                // yum allows continuation lines of a multi-valued key (baseurl, gpgkey) when indented.
                if (Character.isWhitespace(lines[i].charAt(0)) && !ids.isEmpty()) {
                    continue;
                }
                throw invalid(url, "line " + (i + 1) + " is neither a [section], a key=value nor a comment: "
                        + shorten(line));
            }
            if (ids.isEmpty()) {
                throw invalid(url, "line " + (i + 1) + " sets a key before any [section]");
            }
            if (SOURCES.contains(line.substring(0, eq).strip().toLowerCase()) && !line.substring(eq + 1).isBlank()) {
                hasSource.set(hasSource.size() - 1, true);
            }
        }
        List<String> repos = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).equals("main")) {
                continue;
            }
            if (!hasSource.get(i)) {
                throw invalid(url, "repository [" + ids.get(i) + "] has no baseurl, metalink or mirrorlist");
            }
            repos.add(ids.get(i));
        }
        if (repos.isEmpty()) {
            throw invalid(url, "it defines no repository section");
        }
        return new YumRepoFile(url, fileName(url), repos, text);
    }

    /** {@code slipway-<8 hex>-<base name>.repo}, safe as a file name and a Dockerfile word. */
    static String fileName(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        String base = path.substring(path.lastIndexOf('/') + 1);
        base = SAFE.matcher(base).replaceAll("_");
        if (base.endsWith(".repo")) {
            base = base.substring(0, base.length() - ".repo".length());
        }
        if (base.isEmpty()) {
            base = "repo";
        }
        if (base.length() > 64) {
            base = base.substring(0, 64);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(url.toString().getBytes(StandardCharsets.UTF_8));
            return "slipway-" + HexFormat.of().formatHex(hash, 0, 4) + "-" + base + ".repo";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String shorten(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }

    private static SlipwayException invalid(URI url, String why) {
        return new SlipwayException(ErrorCode.YUM_REPO_INVALID, "yum_repourls entry " + url
                + " is not a yum repository file: " + why);
    }
}
