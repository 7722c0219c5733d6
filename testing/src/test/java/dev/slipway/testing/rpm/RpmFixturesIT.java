package dev.slipway.testing.rpm;

import dev.slipway.common.process.Command;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RpmFixturesIT {
    private final RpmFixtures fixtures = new RpmFixtures();

    private static String query(BuiltRpm rpm, String format) {
        return Command.of("rpm", "-qp", "--nosignature", "--qf", format, rpm.file().toString()).output();
    }

    @Test
    void standard_rpmQueryShowsTheSpecifiedNevraEpochLicenseAndVendor() {
        for (BuiltRpm rpm : fixtures.standard()) {
            RpmSpec spec = rpm.spec();
            assertEquals(spec.nevra(), query(rpm, "%{NAME}-%|EPOCH?{%{EPOCH}:}|%{VERSION}-%{RELEASE}.%{ARCH}"));
            assertEquals(spec.epoch() == null ? "(none)" : spec.epoch().toString(), query(rpm, "%{EPOCH}"));
            assertEquals(spec.license() + "|" + spec.vendor(), query(rpm, "%{LICENSE}|%{VENDOR}"));
            assertEquals(spec.modularityLabel() == null ? "(none)" : spec.modularityLabel(),
                    query(rpm, "%{MODULARITYLABEL}"));
        }
    }

    @Test
    void standard_signedPackagesCarryTheFixtureKeyInSigpgpAndRsaheader() {
        String keyId = fixtures.signingKey().keyId();
        String gpgListing = Command.of("gpg", "--homedir", fixtures.signingKey().home().toString(), "--batch",
                "--with-colons", "--list-keys").output();
        assertTrue(gpgListing.toLowerCase().contains(":" + keyId + ":"), "gpg lists the key " + keyId);
        for (BuiltRpm rpm : fixtures.standard()) {
            String sigpgp = query(rpm, "%{SIGPGP:pgpsig}");
            String rsaheader = query(rpm, "%{RSAHEADER:pgpsig}");
            if (rpm.spec().signed()) {
                assertEquals(keyId, rpm.signatureKeyId());
                assertTrue(sigpgp.endsWith("Key ID " + keyId), rpm.name() + " SIGPGP: " + sigpgp);
                assertTrue(rsaheader.endsWith("Key ID " + keyId), rpm.name() + " RSAHEADER: " + rsaheader);
            } else {
                assertNull(rpm.signatureKeyId());
                assertEquals("(none)", sigpgp, rpm.name());
            }
        }
    }

    @Test
    void build_sameSpecsTwice_reusesTheCachedFiles() throws Exception {
        List<BuiltRpm> first = fixtures.standard();
        Map<String, FileTime> times = first.stream().collect(Collectors.toMap(BuiltRpm::name, r -> mtime(r)));
        List<BuiltRpm> second = new RpmFixtures().standard();
        assertEquals(first, second);
        second.forEach(r -> assertEquals(times.get(r.name()), mtime(r), r.name()));
    }

    @Test
    void benchmark_150_buildsDistinctInstallableSignedAndEpochPackages() {
        List<BuiltRpm> rpms = fixtures.benchmark(150);
        assertEquals(150, rpms.stream().map(BuiltRpm::nevra).distinct().count());
        rpms.forEach(r -> assertTrue(Files.isRegularFile(r.file()), r.file().toString()));
        BuiltRpm signedWithEpoch = rpms.get(14);
        assertEquals("slipway-bench-0015-1:1.15-1.bench.noarch", signedWithEpoch.nevra());
        assertTrue(query(signedWithEpoch, "%{RSAHEADER:pgpsig}").endsWith(fixtures.signingKey().keyId()));
        assertEquals("1", query(signedWithEpoch, "%{EPOCH}"));
    }

    private static FileTime mtime(BuiltRpm rpm) {
        try {
            return Files.getLastModifiedTime(rpm.file());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
