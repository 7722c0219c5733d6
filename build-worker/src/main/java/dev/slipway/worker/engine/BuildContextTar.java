package dev.slipway.worker.engine;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A build context as the uncompressed tar the engine's {@code POST /build} takes, written straight into the request
 * body as the docker CLI sends it: entries in name order, directories, files and symbolic links (kept as links, never
 * followed) with their own permission bits (setuid, setgid and sticky included) and modification time, owner 0:0,
 * {@code .dockerignore} applied (see {@link DockerIgnore}) except to the Dockerfile and the {@code .dockerignore}
 * itself, which are always sent. A Dockerfile outside the context is sent under a random {@code .dockerfile.} name,
 * as the CLI does. Sockets, pipes and devices are left out.
 */
final class BuildContextTar {
    private static final String IGNORE_FILE = ".dockerignore";
    private static final int BUFFER = 64 * 1024;

    private final Path context;
    private final Path dockerfile;
    /** The Dockerfile's name inside the tar, what the engine's {@code dockerfile} parameter names. */
    private final String dockerfileName;
    private final boolean dockerfileOutside;
    private final DockerIgnore ignore;

    /**
     * @throws SlipwayException BUILD_CONTEXT_INVALID when the context is not a directory, the Dockerfile is not a
     *     regular file, or the {@code .dockerignore} cannot be read or parsed
     */
    BuildContextTar(Path context, Path dockerfile) {
        this.context = context.toAbsolutePath().normalize();
        this.dockerfile = dockerfile.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.context)) {
            throw invalid("the context " + context + " is not a directory", null);
        }
        if (!Files.isRegularFile(this.dockerfile)) {
            throw invalid("the Dockerfile " + dockerfile + " is not a regular file", null);
        }
        this.dockerfileOutside = !this.dockerfile.startsWith(this.context);
        this.dockerfileName = dockerfileOutside
                ? ".dockerfile." + HexFormat.of().formatHex(randomBytes())
                : this.context.relativize(this.dockerfile).toString();
        Path ignoreFile = this.context.resolve(IGNORE_FILE);
        try {
            this.ignore = Files.isRegularFile(ignoreFile)
                    ? DockerIgnore.parse(Files.readString(ignoreFile, StandardCharsets.UTF_8))
                    : DockerIgnore.none();
        } catch (IOException e) {
            throw invalid("its .dockerignore could not be read: " + e.getMessage(), e);
        }
    }

    /** The Dockerfile's path inside the tar ({@code /}-separated), for the engine's {@code dockerfile} parameter. */
    String dockerfileName() {
        return dockerfileName;
    }

    /**
     * Writes the whole tar to {@code out} (left open). An {@link IOException} is {@code out}'s own failure; a file
     * of the context that cannot be read is a {@link SlipwayException} BUILD_CONTEXT_INVALID instead.
     */
    void writeTo(OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        byte[] buffer = new byte[BUFFER];
        walk(context, "", tar, buffer);
        if (dockerfileOutside) {
            add(dockerfile, dockerfileName, tar, buffer);
        }
        // finish() writes the end-of-archive records, padded to a whole record; not closing the tar leaves out open.
        tar.finish();
        tar.flush();
    }

    private void walk(Path dir, String prefix, TarArchiveOutputStream tar, byte[] buffer) throws IOException {
        for (Path child : sortedChildren(dir)) {
            String name = prefix + child.getFileName().toString();
            boolean directory = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
            boolean excluded = ignore.excludes(name) && !alwaysSent(name);
            if (!excluded) {
                add(child, name, tar, buffer);
            }
            if (directory && (!excluded || ignore.hasExclusions())) {
                walk(child, name + "/", tar, buffer);
            }
        }
    }

    private boolean alwaysSent(String name) {
        return name.equals(IGNORE_FILE) || (!dockerfileOutside && name.equals(dockerfileName));
    }

    private void add(Path file, String name, TarArchiveOutputStream tar, byte[] buffer) throws IOException {
        BasicFileAttributes attributes;
        int mode;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            mode = ((Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 07777;
        } catch (IOException | UnsupportedOperationException e) {
            throw invalid(name + " could not be read: " + e.getMessage(), e);
        }
        TarArchiveEntry entry;
        if (attributes.isSymbolicLink()) {
            entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            entry.setLinkName(readLink(file, name));
            entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | mode);
        } else if (attributes.isDirectory()) {
            entry = new TarArchiveEntry(name + "/");
            entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~07777 | mode);
        } else if (attributes.isRegularFile()) {
            entry = new TarArchiveEntry(name);
            entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | mode);
            entry.setSize(attributes.size());
        } else {
            return; // Sockets, pipes and devices are not build input.
        }
        entry.setModTime(attributes.lastModifiedTime().toMillis() / 1000 * 1000);
        entry.setIds(0, 0);
        tar.putArchiveEntry(entry);
        if (attributes.isRegularFile()) {
            copy(file, name, attributes.size(), tar, buffer);
        }
        tar.closeArchiveEntry();
    }

    /** Copies exactly {@code size} bytes: a file that changes size while it is sent is an error, not a bad tar. */
    private static void copy(Path file, String name, long size, OutputStream tar, byte[] buffer) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw invalid(name + " could not be read: " + e.getMessage(), e);
        }
        try (in) {
            long left = size;
            while (left > 0) {
                int n;
                try {
                    n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                } catch (ClosedByInterruptException e) {
                    InterruptedIOException interrupted = new InterruptedIOException("interrupted while sending " + name);
                    interrupted.initCause(e);
                    throw interrupted;
                } catch (IOException e) {
                    throw invalid(name + " could not be read: " + e.getMessage(), e);
                }
                if (n < 0) {
                    throw invalid(name + " shrank while it was being sent", null);
                }
                tar.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    private static List<Path> sortedChildren(Path dir) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(children::add);
        } catch (IOException e) {
            throw invalid("the directory " + dir + " could not be listed: " + e.getMessage(), e);
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return children;
    }

    private static String readLink(Path file, String name) {
        try {
            return Files.readSymbolicLink(file).toString();
        } catch (IOException e) {
            throw invalid("the symbolic link " + name + " could not be read: " + e.getMessage(), e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static SlipwayException invalid(String why, Exception cause) {
        return new SlipwayException(ErrorCode.BUILD_CONTEXT_INVALID, "Tried to send the build context but " + why,
                cause);
    }
}
