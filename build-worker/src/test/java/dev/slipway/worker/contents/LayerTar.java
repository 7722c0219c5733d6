package dev.slipway.worker.contents;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds image layer tars in memory, whiteouts and links included, as the engine writes them. */
final class LayerTar {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    LayerTar() {
        this(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    /** @param longFileMode how names over 100 bytes are written: PAX records or GNU long-name entries */
    LayerTar(int longFileMode) {
        tar.setLongFileMode(longFileMode);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    LayerTar dir(String name) {
        return put(new TarArchiveEntry(name + "/"), null);
    }

    LayerTar file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    LayerTar file(String name, byte[] content) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        return put(entry, content);
    }

    LayerTar symlink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(target);
        return put(entry, null);
    }

    LayerTar hardlink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK);
        entry.setLinkName(target);
        return put(entry, null);
    }

    LayerTar whiteout(String dir, String name) {
        return file((dir.isEmpty() ? "" : dir + "/") + ".wh." + name, "");
    }

    LayerTar opaque(String dir) {
        return file(dir + "/.wh..wh..opq", "");
    }

    private LayerTar put(TarArchiveEntry entry, byte[] content) {
        try {
            tar.putArchiveEntry(entry);
            if (content != null) {
                tar.write(content);
            }
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    byte[] build() {
        try {
            tar.finish();
            tar.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The layers as in-memory sources, lowest first. */
    static LayeredFiles index(byte[]... layers) {
        List<LayeredFiles.LayerSource> sources = new ArrayList<>();
        for (byte[] layer : layers) {
            sources.add(() -> new SeekableInMemoryByteChannel(layer));
        }
        return LayeredFiles.index(sources);
    }
}
