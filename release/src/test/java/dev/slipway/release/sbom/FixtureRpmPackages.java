package dev.slipway.release.sbom;

import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.content.PackageType;
import dev.slipway.common.process.Command;
import dev.slipway.testing.rpm.BuiltRpm;
import dev.slipway.testing.rpm.RpmFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Package records read by the real {@code rpm -qp --qf} from the fixture RPMs, so SBOM tests start from what an
 * outside tool reports rather than from values this module made up.
 */
final class FixtureRpmPackages {
    private static final String SEP = "\u001f";
    private static final String FORMAT = String.join(SEP, "%{NAME}", "%{EPOCH}", "%{VERSION}", "%{RELEASE}",
            "%{ARCH}", "%{SIZE}", "%{SIGMD5}", "%{BUILDTIME}", "%{LICENSE}", "%{VENDOR}", "%{SOURCERPM}",
            "%{RSAHEADER:pgpsig}", "%{MODULARITYLABEL}") + "\\n";
    private static final Pattern KEY_ID = Pattern.compile("Key ID ([0-9a-fA-F]{16})");

    private FixtureRpmPackages() {
    }

    /** The standard fixture set as a manifest read from {@code /usr/lib/sysimage/rpm}. */
    static PackageManifest standard() {
        return new PackageManifest(PackageType.RPM, "/usr/lib/sysimage/rpm", query(new RpmFixtures().standard()));
    }

    static List<InstalledPackage> query(List<BuiltRpm> rpms) {
        List<String> command = new ArrayList<>(List.of("rpm", "-qp", "--nosignature", "--qf", FORMAT));
        rpms.forEach(r -> command.add(r.file().toString()));
        List<InstalledPackage> packages = new ArrayList<>();
        for (String line : Command.of(command).output().split("\n")) {
            if (!line.isBlank()) {
                packages.add(parse(line));
            }
        }
        return packages;
    }

    private static InstalledPackage parse(String line) {
        String[] f = line.split(SEP, -1);
        Matcher key = KEY_ID.matcher(f[11]);
        return new InstalledPackage(PackageType.RPM, f[0], value(f[1]) == null ? null : Integer.valueOf(f[1]), f[2],
                f[3], f[4], Long.parseLong(f[5]), value(f[6]), Long.valueOf(f[7]), value(f[8]), value(f[9]),
                value(f[10]), key.find() ? key.group(1).toLowerCase(Locale.ROOT) : null, value(f[12]));
    }

    private static String value(String field) {
        return field.equals("(none)") || field.isEmpty() ? null : field;
    }
}
