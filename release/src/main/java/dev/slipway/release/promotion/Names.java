package dev.slipway.release.promotion;

import java.util.regex.Pattern;

/**
 * The syntax promoter manifests must follow (the image promoter's rules; digests are {@code Digest.isSha256}): tags
 * of word characters, dots and dashes, and distribution repository names.
 */
final class Names {
    static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    static final Pattern IMAGE = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final String HOST = "(?:localhost|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::[0-9]{1,5})?";
    static final Pattern REGISTRY = Pattern.compile(HOST + "(?:/" + COMPONENT + ")*");
    /** The thin layout's directory names. */
    static final Pattern DIRECTORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Names() {
    }
}
