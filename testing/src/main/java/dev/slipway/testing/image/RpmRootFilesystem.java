package dev.slipway.testing.image;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.process.Command;
import dev.slipway.testing.rpm.BuiltRpm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Assembles the root filesystem of the fixture base image: busybox for a shell and tools, the host's rpm with the
 * libraries it links, rpm's configuration with Fedora's database path, and the fixture RPMs installed by the host
 * rpm into {@code /usr/lib/sysimage/rpm}.
 */
final class RpmRootFilesystem {
    static final String DB_PATH = "/usr/lib/sysimage/rpm";
    private static final Path HOST_RPM = Path.of("/usr/bin/rpm");
    private static final Path HOST_RPM_LIB = Path.of("/usr/lib/rpm");
    /** busybox has its own rpm applets; they must not shadow the real rpm. */
    private static final Set<String> SKIPPED_APPLETS = Set.of("rpm", "rpm2cpio");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Path root;

    RpmRootFilesystem(Path root) {
        this.root = root;
    }

    void assemble(Path busyboxDeb, List<BuiltRpm> rpms) throws IOException {
        Command.of("dpkg", "-x", busyboxDeb.toString(), root.toString()).timeout(TIMEOUT).output();
        Path busybox = root.resolve("bin/busybox");
        copyWithLibraries(HOST_RPM, busybox);
        linkApplets(busybox);
        copyRpmConfiguration();
        writeBasics();
        installPackages(rpms);
    }

    /** What {@code busybox --install -s} does in a chroot, without needing one: a symlink per applet. */
    private void linkApplets(Path busybox) throws IOException {
        String applets = Command.of(busybox.toString(), "--list-full").output();
        for (String applet : applets.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            Path link = root.resolve(applet);
            if (SKIPPED_APPLETS.contains(link.getFileName().toString()) || Files.exists(link)) {
                continue;
            }
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of("/bin/busybox"));
        }
    }

    /** Copies the host rpm, and every library ldd lists for it or busybox, to the same paths in the root. */
    private void copyWithLibraries(Path rpm, Path busybox) throws IOException {
        Set<Path> libraries = new LinkedHashSet<>();
        libraries.addAll(linkedLibraries(rpm));
        libraries.addAll(linkedLibraries(busybox));
        copyFromHost(rpm);
        for (Path library : libraries) {
            copyFromHost(library);
        }
    }

    private static List<Path> linkedLibraries(Path binary) {
        List<Path> out = new ArrayList<>();
        for (String line : Command.of("ldd", binary.toString()).output().lines().toList()) {
            String entry = line.strip();
            if (entry.contains("not found")) {
                throw new SlipwayException(ErrorCode.INTERNAL, "Tried to collect the libraries of " + binary
                        + " but ldd says: " + entry);
            }
            String path = entry.contains("=>") ? entry.substring(entry.indexOf("=>") + 2).strip() : entry;
            if (path.startsWith("/")) {
                out.add(Path.of(path.split("\\s+")[0]));
            }
        }
        return out;
    }

    private void copyRpmConfiguration() throws IOException {
        copyFromHost(HOST_RPM_LIB.resolve("macros"));
        copyFromHost(HOST_RPM_LIB.resolve("rpmrc"));
        try (Stream<Path> files = Files.list(HOST_RPM_LIB)) {
            for (Path popt : files.filter(p -> p.getFileName().toString().startsWith("rpmpopt-")).toList()) {
                copyFromHost(popt);
            }
        }
        try (Stream<Path> files = Files.walk(HOST_RPM_LIB.resolve("platform"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                copyFromHost(file);
            }
        }
        // Debian's rpm defaults to ~/.rpmdb; Fedora's layout is what the readers and users expect.
        Path macros = Files.createDirectories(root.resolve("etc/rpm")).resolve("macros.dbpath");
        Files.writeString(macros, "%_dbpath " + DB_PATH + "\n");
    }

    private void writeBasics() throws IOException {
        Files.createDirectories(root.resolve(DB_PATH.substring(1)));
        Files.createDirectories(root.resolve("var/lib"));
        Files.createSymbolicLink(root.resolve("var/lib/rpm"), Path.of("../../usr/lib/sysimage/rpm"));
        for (String dir : List.of("tmp", "var/tmp")) {
            Path tmp = Files.createDirectories(root.resolve(dir));
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Files.createDirectories(root.resolve("root"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
    }

    private void installPackages(List<BuiltRpm> rpms) throws IOException {
        if (!rpms.isEmpty()) {
            List<String> command = new ArrayList<>(List.of("rpm", "--root", root.toString(), "--dbpath", DB_PATH,
                    "--nodeps", "-i"));
            rpms.forEach(r -> command.add(r.file().toString()));
            Command.of(command).timeout(TIMEOUT).output();
        }
        // A shipped -shm or lock file belongs to the host process that wrote it; rpm checkpoints the WAL on close,
        // so an empty WAL is all that may be dropped.
        Path db = root.resolve(DB_PATH.substring(1));
        Path wal = db.resolve("rpmdb.sqlite-wal");
        if (Files.exists(wal) && Files.size(wal) > 0) {
            throw new SlipwayException(ErrorCode.INTERNAL, "Tried to finish the fixture rpmdb but rpm left "
                    + Files.size(wal) + " bytes of write-ahead log in " + wal);
        }
        for (String leftover : List.of("rpmdb.sqlite-shm", "rpmdb.sqlite-wal", ".rpm.lock")) {
            Files.deleteIfExists(db.resolve(leftover));
        }
    }

    private void copyFromHost(Path hostFile) throws IOException {
        Path target = root.resolve(hostFile.toString().substring(1));
        Files.createDirectories(target.getParent());
        // Follows symlinks on purpose: libfoo.so.1 -> libfoo.so.1.2.3 becomes one real file under the linked name.
        Files.copy(hostFile, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }
}
