package dev.slipway.worker.contents;

import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.content.PackageType;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dpkg's {@code /var/lib/dpkg/status} (deb822 stanzas, see deb-control(5) and deb-version(7)) into the
 * packages that are really installed: only stanzas whose Status ends in {@code ok installed} count ({@code install},
 * and also {@code hold} or {@code deinstall} wishes whose files are still on disk, as dpkg-query reports them), since
 * dpkg also keeps removed-but-configured and half-installed packages there.
 */
public final class DpkgStatusReader {
    private static final Pattern INSTALLED = Pattern.compile("(install|hold|deinstall|purge|unknown) ok installed");
    private static final Pattern FIELD = Pattern.compile("([!-9;-~]+):(.*)");
    private static final Pattern EPOCH = Pattern.compile("(\\d+):(.+)");

    /** Reads a status file copied out of an image. */
    public PackageManifest read(Path statusFile, String imagePath) {
        List<String> lines;
        try {
            lines = Files.readAllLines(statusFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CONTENTS_UNREADABLE,
                    "Tried to read the dpkg status file " + statusFile + " but " + e, e);
        }
        return new PackageManifest(PackageType.DEB, imagePath, parse(lines));
    }

    /** Parses the lines of a status file into the installed packages, in file order. */
    public List<InstalledPackage> parse(List<String> lines) {
        List<InstalledPackage> packages = new ArrayList<>();
        Map<String, String> stanza = new LinkedHashMap<>();
        String lastField = null;
        int stanzaLine = 1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNumber = i + 1;
            if (line.isBlank()) {
                addIfInstalled(stanza, stanzaLine, packages);
                stanza.clear();
                lastField = null;
                stanzaLine = lineNumber + 1;
            } else if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (lastField == null) {
                    throw invalid(lineNumber, "a continuation line comes before any field");
                }
                stanza.merge(lastField, "\n" + line.substring(1), String::concat);
            } else {
                Matcher field = FIELD.matcher(line);
                if (!field.matches()) {
                    throw invalid(lineNumber, "'" + abbreviate(line) + "' is neither 'Field: value' nor a"
                            + " continuation line");
                }
                lastField = field.group(1);
                if (stanza.putIfAbsent(lastField, field.group(2).strip()) != null) {
                    throw invalid(lineNumber, "field " + lastField + " appears twice in one stanza");
                }
            }
        }
        addIfInstalled(stanza, stanzaLine, packages);
        return List.copyOf(packages);
    }

    private static void addIfInstalled(Map<String, String> stanza, int line, List<InstalledPackage> packages) {
        if (stanza.isEmpty()) {
            return;
        }
        String name = required(stanza, "Package", line);
        String status = required(stanza, "Status", line).replaceAll("\\s+", " ");
        if (!INSTALLED.matcher(status).matches()) {
            return;
        }
        String fullVersion = required(stanza, "Version", line);
        Integer epoch = null;
        String rest = fullVersion;
        Matcher withEpoch = EPOCH.matcher(fullVersion);
        if (withEpoch.matches()) {
            epoch = Integer.valueOf(withEpoch.group(1));
            rest = withEpoch.group(2);
        } else if (fullVersion.contains(":")) {
            throw invalid(line, "package " + name + " has version '" + fullVersion + "' whose epoch is not a number");
        }
        // The Debian revision follows the last hyphen; a native package has none.
        int dash = rest.lastIndexOf('-');
        String version = dash > 0 ? rest.substring(0, dash) : rest;
        String release = dash > 0 ? rest.substring(dash + 1) : null;
        packages.add(new InstalledPackage(PackageType.DEB, name, epoch, version, release,
                stanza.get("Architecture"), installedBytes(stanza, name, line), null, null, null,
                stanza.get("Maintainer"), sourceName(stanza, name), null, null));
    }

    /** Installed-Size is in KiB (deb-control(5)). */
    private static long installedBytes(Map<String, String> stanza, String name, int line) {
        String size = stanza.get("Installed-Size");
        if (size == null) {
            return 0;
        }
        if (!size.matches("\\d{1,15}")) {
            throw invalid(line, "package " + name + " has Installed-Size '" + size + "', not a number of KiB");
        }
        return Long.parseLong(size) * 1024;
    }

    /** Source may carry the source version in parentheses; without the field it is the binary's own name. */
    private static String sourceName(Map<String, String> stanza, String name) {
        String source = stanza.get("Source");
        if (source == null || source.isEmpty()) {
            return name;
        }
        int space = source.indexOf(' ');
        return space < 0 ? source : source.substring(0, space);
    }

    private static String required(Map<String, String> stanza, String field, int line) {
        String value = stanza.get(field);
        if (value == null || value.isEmpty()) {
            throw invalid(line, "the stanza has no " + field + " field");
        }
        return value;
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }

    private static SlipwayException invalid(int line, String problem) {
        return new SlipwayException(ErrorCode.DPKG_STATUS_INVALID,
                "Tried to parse the dpkg status file but at line " + line + " " + problem);
    }
}
