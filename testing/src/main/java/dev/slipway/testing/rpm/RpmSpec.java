package dev.slipway.testing.rpm;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one fixture RPM should contain: a noarch package with exactly one file,
 * {@code /usr/share/slipway-fixtures/NAME.txt}.
 *
 * @param epoch the Epoch tag, or null for a package without one
 * @param modularityLabel the MODULARITYLABEL to stamp into the header, or null
 * @param signed whether the package is signed with the fixture key (SIGPGP and RSAHEADER)
 */
public record RpmSpec(String name, Integer epoch, String version, String release, String license, String vendor,
                      String modularityLabel, boolean signed) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+~^]+");
    private static final Pattern TEXT = Pattern.compile("[^%\\n\\r]+");

    public RpmSpec {
        check(name, NAME, "name");
        check(version, VERSION, "version");
        check(release, VERSION, "release");
        check(license, TEXT, "license");
        check(vendor, TEXT, "vendor");
        if (modularityLabel != null) {
            check(modularityLabel, TEXT, "modularity label");
        }
        if (epoch != null && epoch < 0) {
            throw new InvalidValueException(ErrorCode.INVALID_INPUT, String.valueOf(epoch), "an epoch is >= 0");
        }
    }

    /** A plain unsigned package without epoch or module. */
    public static RpmSpec of(String name, String version, String release) {
        return new RpmSpec(name, null, version, release, "MIT", "Slipway Fixtures", null, false);
    }

    public RpmSpec withEpoch(Integer newEpoch) {
        return new RpmSpec(name, newEpoch, version, release, license, vendor, modularityLabel, signed);
    }

    public RpmSpec withLicenseAndVendor(String newLicense, String newVendor) {
        return new RpmSpec(name, epoch, version, release, newLicense, newVendor, modularityLabel, signed);
    }

    public RpmSpec withModularityLabel(String label) {
        return new RpmSpec(name, epoch, version, release, license, vendor, label, signed);
    }

    public RpmSpec signed(boolean sign) {
        return new RpmSpec(name, epoch, version, release, license, vendor, modularityLabel, sign);
    }

    /** The file rpmbuild writes: {@code NAME-VERSION-RELEASE.noarch.rpm}. */
    public String fileName() {
        return name + "-" + version + "-" + release + ".noarch.rpm";
    }

    /** As {@code rpm -qa --qf '%{NEVRA}'} prints it: the epoch appears only when the package has one. */
    public String nevra() {
        return name + "-" + (epoch == null ? "" : epoch + ":") + version + "-" + release + ".noarch";
    }

    /** The path of the one file the package installs. */
    public String installedFile() {
        return "/usr/share/slipway-fixtures/" + name + ".txt";
    }

    /** The spec file rpmbuild builds this package from. */
    String specText() {
        StringBuilder s = new StringBuilder();
        if (modularityLabel != null) {
            // rpmbuild stamps MODULARITYLABEL from this macro; there is no spec tag for it.
            s.append("%define modularitylabel ").append(modularityLabel).append('\n');
        }
        s.append("Name: ").append(name).append('\n');
        if (epoch != null) {
            s.append("Epoch: ").append(epoch).append('\n');
        }
        s.append("Version: ").append(version).append('\n')
                .append("Release: ").append(release).append('\n')
                .append("License: ").append(license).append('\n')
                .append("Vendor: ").append(vendor).append('\n')
                .append("Summary: Slipway test fixture ").append(name).append('\n')
                .append("BuildArch: noarch\n\n")
                .append("%description\nA one-file package built by Slipway's test fixtures.\n\n")
                .append("%install\nmkdir -p %{buildroot}/usr/share/slipway-fixtures\n")
                .append("echo '").append(name).append(' ').append(version).append('-').append(release)
                .append("' > %{buildroot}").append(installedFile()).append("\n\n")
                .append("%files\n").append(installedFile()).append('\n');
        return s.toString();
    }

    private static void check(String value, Pattern pattern, String what) {
        Objects.requireNonNull(value, what);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidValueException(ErrorCode.INVALID_INPUT, value, "not a valid RPM " + what);
        }
    }
}
