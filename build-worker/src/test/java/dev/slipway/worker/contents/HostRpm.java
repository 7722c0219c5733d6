package dev.slipway.worker.contents;

import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.process.Command;
import dev.slipway.testing.rpm.BuiltRpm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The host's rpm as the outside witness: it writes real rpmdbs and prints what it reads from them. */
final class HostRpm {
    static final String DB_PATH = "/usr/lib/sysimage/rpm";
    /** The fields Slipway records, with every signature tag OSBS consults. */
    private static final String FORMAT = "%{NAME}|%{EPOCH}|%{VERSION}|%{RELEASE}|%{ARCH}|%{SIZE}|%{SIGMD5}"
            + "|%{BUILDTIME}|%{LICENSE}|%{VENDOR}|%{SOURCERPM}|%{MODULARITYLABEL}"
            + "|%{SIGPGP:pgpsig}|%{SIGGPG:pgpsig}|%{DSAHEADER:pgpsig}|%{RSAHEADER:pgpsig}\\n";

    private HostRpm() {
    }

    /** Installs the packages into {@code root} and returns the database directory. */
    static Path install(Path root, List<BuiltRpm> rpms) {
        List<String> command = new ArrayList<>(List.of("rpm", "--root", root.toString(), "--dbpath", DB_PATH,
                "--nodeps", "-i"));
        rpms.forEach(r -> command.add(r.file().toString()));
        Command.of(command).output();
        return root.resolve(DB_PATH.substring(1));
    }

    /** {@code rpm -qa} over the given database options, one line per package in {@link #line} form, sorted. */
    static List<String> query(String... databaseOptions) {
        List<String> command = new ArrayList<>(List.of("rpm"));
        command.addAll(List.of(databaseOptions));
        command.addAll(List.of("-qa", "--qf", FORMAT));
        return Command.of(command).output().lines().map(HostRpm::keyIdOnly).sorted().toList();
    }

    /** rpm prints "RSA/SHA512, date, Key ID abc..." for a signature; keep the first key id, as OSBS does. */
    private static String keyIdOnly(String rpmLine) {
        String[] fields = rpmLine.split("\\|", -1);
        String keyId = "(none)";
        for (int i = 12; i < 16; i++) {
            int at = fields[i].indexOf("Key ID ");
            if (at >= 0) {
                keyId = fields[i].substring(at + "Key ID ".length()).strip();
                break;
            }
        }
        return String.join("|", List.of(fields).subList(0, 12)) + "|" + keyId;
    }

    /** The same line built from what Slipway read. */
    static String line(InstalledPackage p) {
        return String.join("|", p.name(), text(p.epoch()), p.version(), text(p.release()), text(p.arch()),
                String.valueOf(p.size()), text(p.sigmd5()), text(p.buildTime()), text(p.license()), text(p.vendor()),
                text(p.sourceRpm()), text(p.modularityLabel()), text(p.signatureKeyId()));
    }

    private static String text(Object value) {
        return value == null ? "(none)" : value.toString();
    }
}
