package dev.slipway.worker.contents;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The file system an image's layer tars add up to, as the engine would lay it out, without creating a container:
 * the last layer that holds a path wins, whiteouts ({@code .wh.<name>}) delete a path of the layers below with
 * everything beneath it, and an opaque marker ({@code .wh..wh..opq}) empties its directory of what the layers below
 * put there (OCI image spec, "Representing Changes"). Symbolic links are followed when a path is looked up, as
 * {@code /var/lib/rpm -> ../../usr/lib/sysimage/rpm} needs.
 *
 * <p>Only the tar headers are read while indexing ({@link TarIndex}: entries' data is skipped by seeking); a
 * file's bytes are copied out on request. The tars come from an image, which may be hostile: a malformed archive
 * fails with {@link ErrorCode#LAYER_ARCHIVE_INVALID}, paths never leave the image's root, link chains are bounded,
 * and copies are size-capped.
 */
public final class LayeredFiles {
    /** Linux gives up resolving after 40 links (ELOOP); so does this. */
    private static final int MAX_LINK_HOPS = 40;
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    /** Opens one layer tar for reading; called again for every copy. */
    @FunctionalInterface
    public interface LayerSource {
        SeekableByteChannel open() throws IOException;
    }

    private enum Kind { FILE, DIRECTORY, SYMLINK, OTHER }

    /** One path of the merged tree: where its bytes are (for a file) or where it points (for a link). */
    private record Node(Kind kind, int layer, long offset, long size, String linkTarget) {
    }

    private final List<LayerSource> layers;
    /** Paths relative to the root, without leading or trailing slashes. */
    private final NavigableMap<String, Node> tree;

    private LayeredFiles(List<LayerSource> layers, NavigableMap<String, Node> tree) {
        this.layers = layers;
        this.tree = tree;
    }

    /** Indexes the layer tar files of a saved image, lowest layer first. */
    public static LayeredFiles of(List<Path> layerTars) {
        List<LayerSource> sources = new ArrayList<>();
        for (Path tar : layerTars) {
            sources.add(() -> FileChannel.open(tar, StandardOpenOption.READ));
        }
        return index(sources);
    }

    /** Indexes layers given as sources, lowest first (in-memory tars in tests and fuzzing). */
    public static LayeredFiles index(List<LayerSource> sources) {
        NavigableMap<String, Node> tree = new TreeMap<>();
        for (int layer = 0; layer < sources.size(); layer++) {
            apply(tree, layer, entries(sources.get(layer), layer));
        }
        return new LayeredFiles(List.copyOf(sources), tree);
    }

    private static List<TarIndex.Entry> entries(LayerSource source, int layer) {
        try (SeekableByteChannel channel = source.open()) {
            return TarIndex.entries(channel, layer);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CONTENTS_UNREADABLE, "Tried to read layer " + (layer + 1)
                    + " of the image but " + e, e);
        }
    }

    /** Whiteouts of a layer apply to the layers below it only, so they go first, then the layer's own entries. */
    private static void apply(NavigableMap<String, Node> tree, int layer, List<TarIndex.Entry> entries) {
        List<String> names = new ArrayList<>(entries.size());
        for (TarIndex.Entry entry : entries) {
            String name = normalize(entry.name(), layer);
            names.add(name);
            String base = name.substring(name.lastIndexOf('/') + 1);
            String dir = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
            if (base.equals(OPAQUE)) {
                removeBelow(tree, dir);
            } else if (base.startsWith(WHITEOUT)) {
                String gone = join(dir, base.substring(WHITEOUT.length()));
                tree.remove(gone);
                removeBelow(tree, gone);
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            TarIndex.Entry entry = entries.get(i);
            String name = names.get(i);
            String base = name.substring(name.lastIndexOf('/') + 1);
            if (name.isEmpty() || base.startsWith(WHITEOUT)) {
                continue;
            }
            Node node = node(tree, entry, layer);
            Node previous = tree.put(name, node);
            if (previous != null && previous.kind() == Kind.DIRECTORY && node.kind() != Kind.DIRECTORY) {
                removeBelow(tree, name);
            }
        }
    }

    private static Node node(NavigableMap<String, Node> tree, TarIndex.Entry entry, int layer) {
        switch (entry.type()) {
            case '2':
                return new Node(Kind.SYMLINK, layer, 0, 0, entry.linkName());
            case '1': {
                // A hard link names an earlier entry of the same layer, already in the tree: share its bytes.
                Node target = tree.get(normalize(entry.linkName(), layer));
                return target != null && target.kind() == Kind.FILE ? target : new Node(Kind.OTHER, layer, 0, 0, null);
            }
            case '5':
                return new Node(Kind.DIRECTORY, layer, 0, 0, null);
            case '0':
                // Pre-POSIX archivers marked directories only by a trailing slash.
                if (entry.name().endsWith("/")) {
                    return new Node(Kind.DIRECTORY, layer, 0, 0, null);
                }
                return entry.sparse() ? new Node(Kind.OTHER, layer, 0, 0, null)
                        : new Node(Kind.FILE, layer, entry.dataOffset(), entry.size(), null);
            default:
                // Docker never writes sparse entries; their bytes are not contiguous, so they are not read here.
                return entry.isRegularFile() && !entry.sparse()
                        ? new Node(Kind.FILE, layer, entry.dataOffset(), entry.size(), null)
                        : new Node(Kind.OTHER, layer, 0, 0, null);
        }
    }

    private static void removeBelow(NavigableMap<String, Node> tree, String dir) {
        if (dir.isEmpty()) {
            tree.clear();
        } else {
            // '/' + 1 is '0': every key that starts with "dir/" sorts inside ["dir/", "dir0").
            tree.subMap(dir + "/", true, dir + "0", false).clear();
        }
    }

    /** "./usr//lib/" -> "usr/lib"; names that climb out of the root make the layer invalid. */
    private static String normalize(String name, int layer) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw invalid("layer " + (layer + 1) + " has the entry '" + abbreviate(name)
                        + "', which climbs out of the image's root");
            }
            parts.add(part);
        }
        return String.join("/", parts);
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    /** Whether {@code imagePath} resolves, following links, to a regular file. */
    public boolean isFile(String imagePath) {
        return resolve(imagePath).map(r -> r.node() != null && r.node().kind() == Kind.FILE).orElse(false);
    }

    /** Whether {@code imagePath} resolves, following links, to a directory (also one only implied by its contents). */
    public boolean isDirectory(String imagePath) {
        return resolve(imagePath).map(r -> r.node() == null || r.node().kind() == Kind.DIRECTORY).orElse(false);
    }

    /**
     * Copies the regular file {@code imagePath} resolves to into {@code target}.
     *
     * @param maxBytes the largest file accepted
     * @return the number of bytes copied, or empty when the path is no regular file in the image
     */
    public Optional<Long> copy(String imagePath, Path target, long maxBytes) {
        Optional<Resolved> resolved = resolve(imagePath);
        if (resolved.isEmpty() || resolved.get().node() == null || resolved.get().node().kind() != Kind.FILE) {
            return Optional.empty();
        }
        Node node = resolved.get().node();
        if (node.size() > maxBytes) {
            throw new SlipwayException(ErrorCode.CONTENTS_UNREADABLE, "Tried to read " + imagePath
                    + " from the image's layers but it is " + node.size() + " bytes, more than the limit of "
                    + maxBytes);
        }
        try (SeekableByteChannel channel = layers.get(node.layer()).open();
                OutputStream out = Files.newOutputStream(target)) {
            if (node.offset() < 0 || node.offset() + node.size() > channel.size()) {
                throw invalid("layer " + (node.layer() + 1) + " is cut short inside " + imagePath);
            }
            channel.position(node.offset());
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(1 << 16, Math.max(1, node.size())));
            long left = node.size();
            while (left > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                int n = channel.read(buffer);
                if (n < 0) {
                    throw invalid("layer " + (node.layer() + 1) + " is cut short inside " + imagePath);
                }
                out.write(buffer.array(), 0, n);
                left -= n;
            }
            return Optional.of(node.size());
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CONTENTS_UNREADABLE, "Tried to copy " + imagePath
                    + " out of layer " + (node.layer() + 1) + " into " + target + " but " + e, e);
        }
    }

    /** The node a path resolves to; a null node is a directory only implied by entries beneath it. */
    private record Resolved(String path, Node node) {
    }

    private Optional<Resolved> resolve(String imagePath) {
        Deque<String> todo = new ArrayDeque<>(List.of(imagePath.split("/")));
        List<String> done = new ArrayList<>();
        Node current = null;
        int hops = 0;
        while (!todo.isEmpty()) {
            String part = todo.pollFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (current != null && current.kind() != Kind.DIRECTORY) {
                return Optional.empty();
            }
            if (part.equals("..")) {
                // The root's parent is the root, as in the kernel.
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                current = null;
                continue;
            }
            String path = join(String.join("/", done), part);
            Node node = tree.get(path);
            if (node == null) {
                if (!hasChildren(path)) {
                    return Optional.empty();
                }
            } else if (node.kind() == Kind.SYMLINK) {
                if (++hops > MAX_LINK_HOPS || node.linkTarget().isEmpty()) {
                    return Optional.empty();
                }
                String[] target = node.linkTarget().split("/");
                for (int i = target.length - 1; i >= 0; i--) {
                    todo.addFirst(target[i]);
                }
                if (node.linkTarget().startsWith("/")) {
                    done.clear();
                }
                current = null;
                continue;
            }
            done.add(part);
            current = node;
        }
        return Optional.of(new Resolved(String.join("/", done), current));
    }

    private boolean hasChildren(String dir) {
        String next = tree.ceilingKey(dir + "/");
        return next != null && next.startsWith(dir + "/");
    }

    private static String abbreviate(String name) {
        return name.length() > 80 ? name.substring(0, 80) + "..." : name;
    }

    private static SlipwayException invalid(String problem) {
        return new SlipwayException(ErrorCode.LAYER_ARCHIVE_INVALID, "Tried to read the image's layers but "
                + problem);
    }
}
