package dev.slipway.worker.contents;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the header blobs of an rpm 4.16+ sqlite database ({@code rpmdb.sqlite}), including rows still only in its
 * write-ahead log.
 *
 * <p>An image layer can hold {@code rpmdb.sqlite-wal} with transactions that were never checkpointed. SQLite
 * replays a WAL only when it can write beside the database (to rebuild the {@code -shm} index and checkpoint), so
 * the database and its WAL are copied into a private temporary directory first; the input is never modified and a
 * stale {@code -shm} from the image is deliberately left behind, since SQLite rebuilds it from the WAL. Without a
 * WAL to replay the database is opened as immutable where it is.
 */
final class SqliteRpmdb {
    static final String FILE_NAME = "rpmdb.sqlite";
    private static final String WAL_SUFFIX = "-wal";

    private SqliteRpmdb() {
    }

    /**
     * Reads a database directory that belongs to the caller alone (a scratch copy taken out of the image's layers)
     * in place, without a second copy. A {@code -shm} beside it is dropped first: SQLite rebuilds the WAL index
     * from the WAL, and an index written for another state of the files must not be trusted.
     */
    static List<byte[]> readPrivateCopy(Path directory) {
        Path database = directory.resolve(FILE_NAME);
        try {
            Files.deleteIfExists(directory.resolve(FILE_NAME + "-shm"));
            Path wal = directory.resolve(FILE_NAME + WAL_SUFFIX);
            if (Files.isRegularFile(wal) && Files.size(wal) == 0) {
                Files.delete(wal);
            }
            return query(database, !Files.exists(wal));
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CONTENTS_UNREADABLE,
                    "Tried to prepare the rpm database " + database + " for reading but " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new SlipwayException(ErrorCode.CONTENTS_UNREADABLE,
                    "Tried to read the Packages table of " + database + " but SQLite answered: " + e.getMessage(), e);
        }
    }

    static List<byte[]> readBlobs(Path directory) {
        Path database = directory.resolve(FILE_NAME);
        Path scratch = null;
        try {
            Path imageWal = directory.resolve(FILE_NAME + WAL_SUFFIX);
            if (!Files.isRegularFile(imageWal) || Files.size(imageWal) == 0) {
                // Nothing to replay: read the file where it is, as immutable (SQLite never writes beside it).
                return query(database, true);
            }
            scratch = Files.createTempDirectory("slipway-rpmdb-");
            Path copy = scratch.resolve(FILE_NAME);
            // No COPY_ATTRIBUTES: a read-only mode copied from the image would stop SQLite from replaying the WAL.
            Files.copy(database, copy);
            Path wal = directory.resolve(FILE_NAME + WAL_SUFFIX);
            if (Files.isRegularFile(wal) && Files.size(wal) > 0) {
                Files.copy(wal, scratch.resolve(FILE_NAME + WAL_SUFFIX));
            }
            return query(copy, false);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CONTENTS_UNREADABLE,
                    "Tried to copy the rpm database " + database + " to a private directory but " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new SlipwayException(ErrorCode.CONTENTS_UNREADABLE,
                    "Tried to read the Packages table of " + database + " but SQLite answered: " + e.getMessage(), e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    /**
     * {@code immutable}: there is no WAL to replay, so SQLite opens the file read-only with no locking, no
     * {@code -wal} or {@code -shm} beside it and no checkpoint on close: no file is created, written or deleted,
     * which is what made this read slow (10 to 200 ms, a file-system journal away) on a busy machine.
     *
     * @see <a href="https://www.sqlite.org/uri.html#uriimmutable">SQLite URI parameter immutable</a>
     */
    private static List<byte[]> query(Path database, boolean immutable) throws SQLException {
        List<byte[]> blobs = new ArrayList<>();
        String url = immutable ? "jdbc:sqlite:file:" + uriPath(database) + "?immutable=1" : "jdbc:sqlite:" + database;
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            // A truncated or overwritten file can still answer the SELECT with some rows missing; quick_check walks
            // every b-tree page first (milliseconds for an rpmdb), so damage fails the read instead of a short list.
            try (ResultSet check = statement.executeQuery("PRAGMA quick_check(1)")) {
                String verdict = check.next() ? check.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw new SQLException("the database is damaged (quick_check: " + verdict + ")");
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT blob FROM Packages")) {
                while (rows.next()) {
                    blobs.add(rows.getBytes(1));
                }
            }
        }
        return blobs;
    }

    /** An absolute path as a URI path: characters URIs reserve are percent-encoded. */
    private static String uriPath(Path database) {
        return database.toAbsolutePath().toUri().getRawPath();
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp copy is harmless and must not hide the read's own result or failure.
        }
    }
}
