package dev.slipway.testing.rpm;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.process.Command;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Real noarch RPMs for tests, built with {@code rpmbuild -bb} and signed with {@code rpmsign}. Each set of specs is
 * built once into a cache directory named by a hash of its specs (and the signing key), so later tests and later
 * runs reuse the same files.
 */
public final class RpmFixtures {
    /** Bumped whenever the way packages are built changes, so stale caches are not reused. */
    private static final String RECIPE = "rpm-fixtures-v1";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    /** Specs per rpmbuild call: one call builds many specs, two calls run side by side on the two cores. */
    private static final int PARALLEL_THRESHOLD = 8;

    /** The standard set: with and without epoch (including epoch 0), signed and unsigned, one modular package. */
    public static final List<RpmSpec> STANDARD = List.of(
            RpmSpec.of("slipway-alpha", "1.0", "1"),
            RpmSpec.of("slipway-bravo", "3.1", "4.fx").withEpoch(2)
                    .withLicenseAndVendor("GPL-2.0-or-later", "Slipway Signed Vendor").signed(true),
            RpmSpec.of("slipway-charlie", "0.9.2", "1.fx").withEpoch(0)
                    .withLicenseAndVendor("Apache-2.0", "Slipway Signed Vendor").signed(true),
            RpmSpec.of("slipway-delta", "2.5", "7").withLicenseAndVendor("BSD-3-Clause", "Delta Corp")
                    .withModularityLabel("delta:2.5:8030020200313080146:466ea64f"));

    private final Path cacheRoot;
    private SigningKey signingKey;

    public RpmFixtures() {
        this(FixtureFiles.defaultCacheRoot());
    }

    public RpmFixtures(Path cacheRoot) {
        this.cacheRoot = cacheRoot.toAbsolutePath();
    }

    /** The throw-away key signed packages are signed with. */
    public synchronized SigningKey signingKey() {
        if (signingKey == null) {
            signingKey = SigningKey.openOrCreate(cacheRoot);
        }
        return signingKey;
    }

    /** The {@link #STANDARD} packages. */
    public List<BuiltRpm> standard() {
        return build(STANDARD);
    }

    /**
     * {@code count} distinct packages for benchmarks ({@code slipway-bench-0001}...): every third has an epoch and
     * every fifth is signed, so readers meet both.
     */
    public List<BuiltRpm> benchmark(int count) {
        if (count < 1 || count > 9999) {
            throw new SlipwayException(ErrorCode.INVALID_INPUT, "A benchmark set holds 1..9999 packages, not " + count);
        }
        List<RpmSpec> specs = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            RpmSpec spec = RpmSpec.of(String.format("slipway-bench-%04d", i), "1." + i, "1.bench");
            specs.add(spec.withEpoch(i % 3 == 0 ? i % 7 : null).signed(i % 5 == 0));
        }
        return build(specs);
    }

    /** Builds (or finds in the cache) one package per spec, in the order given. */
    public List<BuiltRpm> build(List<RpmSpec> specs) {
        List<RpmSpec> list = List.copyOf(specs);
        if (list.stream().map(RpmSpec::name).distinct().count() != list.size()) {
            throw new SlipwayException(ErrorCode.INVALID_INPUT, "Tried to build fixture RPMs but two specs share a"
                    + " name: " + list.stream().map(RpmSpec::name).toList());
        }
        String keyId = list.stream().anyMatch(RpmSpec::signed) ? signingKey().keyId() : null;
        StringBuilder key = new StringBuilder(RECIPE).append('\n').append(keyId).append('\n');
        list.forEach(s -> key.append(s.specText()).append(s.signed()).append('\n'));
        Path dir = cacheRoot.resolve("rpms-" + FixtureFiles.sha256(key.toString()).substring(0, 16));
        if (!list.stream().allMatch(s -> Files.isRegularFile(dir.resolve(s.fileName())))) {
            buildInto(list, dir);
        }
        return list.stream()
                .map(s -> new BuiltRpm(s, dir.resolve(s.fileName()), s.signed() ? keyId : null))
                .toList();
    }

    /** Builds in a scratch directory and publishes it with one atomic rename, so racing runs agree. */
    private void buildInto(List<RpmSpec> specs, Path dir) {
        Path scratch = null;
        try {
            Files.createDirectories(cacheRoot);
            scratch = Files.createTempDirectory(cacheRoot, "build-");
            Path out = Files.createDirectory(scratch.resolve("out"));
            List<List<RpmSpec>> chunks = specs.size() < PARALLEL_THRESHOLD
                    ? List.of(specs)
                    : List.of(specs.subList(0, specs.size() / 2), specs.subList(specs.size() / 2, specs.size()));
            runChunks(scratch, chunks);
            for (int i = 0; i < chunks.size(); i++) {
                for (RpmSpec s : chunks.get(i)) {
                    Files.move(scratch.resolve("top" + i).resolve("RPMS/noarch").resolve(s.fileName()),
                            out.resolve(s.fileName()));
                }
            }
            List<Path> toSign = specs.stream().filter(RpmSpec::signed).map(s -> out.resolve(s.fileName())).toList();
            if (!toSign.isEmpty()) {
                signingKey().sign(toSign);
            }
            if (Files.exists(dir)) {
                // Published sets are complete, so this one was damaged by hand: move it aside, never delete in place.
                Files.move(dir, scratch.resolve("damaged"), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(out, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another run published the same set first; use that one.
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "Tried to build fixture RPMs into " + dir + " but " + e, e);
        } finally {
            FixtureFiles.deleteTree(scratch);
        }
    }

    private static void runChunks(Path scratch, List<List<RpmSpec>> chunks) throws IOException {
        List<List<String>> commands = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Path specDir = Files.createDirectories(scratch.resolve("specs" + i));
            List<String> command = new ArrayList<>(List.of("rpmbuild", "-bb", "--quiet",
                    "--define", "_topdir " + scratch.resolve("top" + i),
                    // Skip the brp post-install scripts and build-id links: one text file needs neither.
                    "--define", "__os_install_post %{nil}", "--define", "_build_id_links none",
                    // gzip level 1 is quick and every rpm, old or new, can read it.
                    "--define", "_binary_payload w1.gzdio"));
            for (RpmSpec s : chunks.get(i)) {
                Path spec = specDir.resolve(s.name() + ".spec");
                Files.writeString(spec, s.specText());
                command.add(spec.toString());
            }
            commands.add(command);
        }
        ExecutorService pool = Executors.newFixedThreadPool(commands.size());
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (List<String> command : commands) {
                runs.add(pool.submit(() -> Command.of(command).in(scratch).timeout(BUILD_TIMEOUT).output()));
            }
            for (Future<String> run : runs) {
                run.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new SlipwayException(ErrorCode.INTERNAL, "rpmbuild failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while building fixture RPMs", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
