package dev.slipway.worker.yum;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Fetches the {@code .repo} files of {@code yum_repourls} (http, https or file), each at most {@link #MAX_BYTES},
 * and checks each is a yum repository file, before the engine starts: a build never runs with a repository it
 * could not read.
 */
public final class YumRepoFetcher {
    /** Real repo files are a few hundred bytes; the limit keeps a wrong URL (an ISO, a web page) out of memory. */
    public static final int MAX_BYTES = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final HttpClient http;

    public YumRepoFetcher() {
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Fetches and parses one URL.
     *
     * @throws SlipwayException {@link ErrorCode#YUM_REPO_UNREACHABLE} when it cannot be read (or is too large),
     *     {@link ErrorCode#YUM_REPO_INVALID} when it is not a yum repository file
     */
    public YumRepoFile fetch(URI url) throws InterruptedException {
        byte[] bytes = switch (url.getScheme() == null ? "" : url.getScheme()) {
            case "http", "https" -> http(url);
            case "file" -> file(url);
            default -> throw new SlipwayException(ErrorCode.YUM_REPO_UNREACHABLE, "yum_repourls entry " + url
                    + " is not an http(s) or file URL");
        };
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SlipwayException(ErrorCode.YUM_REPO_INVALID, "yum_repourls entry " + url
                    + " is not a yum repository file: not UTF-8 text");
        }
        return YumRepoFile.parse(url, text);
    }

    private byte[] http(URI url) throws InterruptedException {
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = r.body()) {
                if (r.statusCode() != 200) {
                    throw unreachable(url, "HTTP " + r.statusCode());
                }
                return limited(url, body);
            }
        } catch (IOException e) {
            throw unreachable(url, e.toString());
        }
    }

    private static byte[] file(URI url) {
        try (InputStream in = Files.newInputStream(Path.of(url))) {
            return limited(url, in);
        } catch (NoSuchFileException e) {
            throw unreachable(url, "no such file");
        } catch (IOException | IllegalArgumentException e) {
            throw unreachable(url, e.toString());
        }
    }

    private static byte[] limited(URI url, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw unreachable(url, "larger than " + MAX_BYTES + " bytes; a .repo file is a few lines");
        }
        return bytes;
    }

    private static SlipwayException unreachable(URI url, String why) {
        return new SlipwayException(ErrorCode.YUM_REPO_UNREACHABLE, "yum_repourls entry " + url
                + " could not be fetched: " + why);
    }
}
