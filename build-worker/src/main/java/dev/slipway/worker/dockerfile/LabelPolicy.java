package dev.slipway.worker.dockerfile;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import dev.slipway.common.image.ImageReference;
import dev.slipway.common.image.Nvr;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The OSBS label rules: {@code com.redhat.component} and {@code name} written literally in a LABEL,
 * {@code version} present without '-', {@code release} (optional) matching {@link Nvr#RELEASE}, {@code name} a
 * repository path, every pushed tag at most 128 characters. Legacy aliases (BZComponent, Name, Version, Release)
 * are read when the modern label is absent, as osbs-client's {@code Labels} does.
 */
final class LabelPolicy {
    static final List<String> COMPONENT = List.of("com.redhat.component", "BZComponent");
    static final List<String> NAME = List.of("name", "Name");
    static final List<String> VERSION = List.of("version", "Version");
    static final List<String> RELEASE = List.of("release", "Release");
    static final int MAX_TAG_LENGTH = 128;
    private static final Pattern VERSION_CHARS = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.]*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    /** A label found under one of its names. */
    private record Found(String key, LabelValue label) {
    }

    private LabelPolicy() {
    }

    static ImageLabels validate(StageConfig config) {
        Found component = require(config, COMPONENT, true);
        Found name = require(config, NAME, true);
        Found version = require(config, VERSION, false);
        Found release = find(config, RELEASE);
        checkComponent(component.label().value(), component.label().line());
        checkName(name.label().value(), name.label().line());
        checkVersion(version.label().value(), version.label().line());
        if (release != null) {
            checkRelease(release.label().value(), release.label().line());
        }
        return new ImageLabels(component.label().value(), name.label().value(), version.label().value(),
                release == null ? null : release.label().value(), config.labels());
    }

    private static Found require(StageConfig config, List<String> names, boolean explicit) {
        Found found = find(config, names);
        String shown = "'" + names.get(0) + "' (or its legacy alias '" + names.get(1) + "')";
        if (found == null) {
            throw new DockerfileException(ErrorCode.LABEL_MISSING, 0, "required label " + shown + " is missing;"
                    + " add LABEL " + names.get(0) + "=<value> to the final stage");
        }
        if (found.label().value().isBlank()) {
            throw new DockerfileException(ErrorCode.LABEL_MISSING, found.label().line(), "required label '"
                    + found.key() + "' is empty");
        }
        if (explicit && !found.label().explicit()) {
            throw new DockerfileException(ErrorCode.LABEL_MISSING, found.label().line(), "label '" + found.key()
                    + "' gets its value from an ENV or ARG variable; it must be written literally in a LABEL"
                    + " instruction, e.g. LABEL " + found.key() + "=\"" + found.label().value() + "\"");
        }
        return found;
    }

    private static Found find(StageConfig config, List<String> names) {
        for (String name : names) {
            LabelValue label = config.labelValues().get(name);
            if (label != null) {
                return new Found(name, label);
            }
        }
        return null;
    }

    static void checkComponent(String component, int line) {
        try {
            new Nvr(component, "0", "1");
        } catch (InvalidValueException e) {
            throw invalid(line, "label 'com.redhat.component' value '" + component + "' is not a valid Koji"
                    + " package name (letters, digits, '.', '_', '+' and '-', starting with a letter or digit)");
        }
    }

    static void checkName(String name, int line) {
        try {
            new ImageReference("localhost", name, null, null);
        } catch (InvalidValueException e) {
            String reason = e.getMessage().substring(e.getMessage().indexOf("': ") + 3);
            throw invalid(line, "label 'name' value '" + name + "' is not a valid repository path: " + reason);
        }
    }

    static void checkVersion(String version, int line) {
        if (version.contains("-")) {
            throw invalid(line, "label 'version' value '" + version + "' contains '-'; a version may not,"
                    + " because name-version-release is split at its dashes");
        }
        if (!VERSION_CHARS.matcher(version).matches()) {
            throw invalid(line, "label 'version' value '" + version + "' may only hold letters, digits, '_' and"
                    + " '.' (not first), because version-release becomes an image tag");
        }
    }

    static void checkRelease(String release, int line) {
        if (!Nvr.RELEASE.matcher(release).matches()) {
            throw invalid(line, "label 'release' value '" + release + "' must match " + Nvr.RELEASE.pattern()
                    + " (digits first, then letters, digits, '.' or '_')");
        }
    }

    /** Checks every tag, {@code versionRelease} first; each must be a valid tag of at most 128 characters. */
    static void checkTags(String versionRelease, List<String> tags) {
        List<String> all = new ArrayList<>();
        all.add(versionRelease);
        all.addAll(tags);
        for (String tag : all) {
            if (tag.length() > MAX_TAG_LENGTH) {
                throw new DockerfileException(ErrorCode.TAG_TOO_LONG, 0, "tag '" + tag + "' is " + tag.length()
                        + " characters long; a registry accepts at most " + MAX_TAG_LENGTH);
            }
            if (!TAG.matcher(tag).matches()) {
                throw new DockerfileException(ErrorCode.INVALID_TAG, 0, "tag '" + tag + "' may only hold letters,"
                        + " digits, '_', '.' and '-', and may not start with '.' or '-'");
            }
        }
    }

    private static DockerfileException invalid(int line, String problem) {
        return new DockerfileException(ErrorCode.LABEL_INVALID, line, problem);
    }
}
