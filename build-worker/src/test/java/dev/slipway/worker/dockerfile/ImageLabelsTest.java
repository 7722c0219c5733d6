package dev.slipway.worker.dockerfile;

import static dev.slipway.worker.dockerfile.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.image.Nvr;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageLabelsTest {
    private static ImageLabels labels(String labelLines) {
        return ImageLabels.of(Dockerfile.parse("FROM fedora:40\n" + labelLines + "\n"));
    }

    private static final String GOOD = "LABEL com.redhat.component=foo-container name=fedora/foo version=1.0";

    @Test
    void of_goodLabels_givesIdentityWithoutRelease() {
        ImageLabels image = labels(GOOD);
        assertEquals("foo-container", image.component());
        assertEquals("fedora/foo", image.name());
        assertEquals("1.0", image.version());
        assertNull(image.release());
        assertEquals("foo-container", image.labels().get("com.redhat.component"));
    }

    @Test
    void of_releaseLabel_isValidatedAndKept() {
        ImageLabels image = labels(GOOD + " release=3.el9_1");
        assertEquals("3.el9_1", image.release());
        assertEquals("1.0-3.el9_1", image.versionRelease());
        assertEquals(new Nvr("foo-container", "1.0", "3.el9_1"), image.nvr());
    }

    @Test
    void of_versionFromEnvOrArg_isAccepted() {
        ImageLabels image = labels("ARG V=2.4\nENV R=5\nLABEL com.redhat.component=c name=n version=$V release=${R}");
        assertEquals("2.4", image.version());
        assertEquals("5", image.release());
    }

    @Test
    void of_legacyAliases_areFallbacks() {
        ImageLabels image = labels("LABEL BZComponent=old Name=legacy/name Version=3 Release=1");
        assertEquals("old", image.component());
        assertEquals("legacy/name", image.name());
        assertEquals("3", image.version());
        assertEquals("1", image.release());
    }

    @Test
    void of_modernLabelWinsOverAlias() {
        assertEquals("new/name", labels(GOOD + " Name=old/name name=new/name").name());
    }

    @Test
    void of_missingComponent_refused() {
        assertRefused(ErrorCode.LABEL_MISSING, () -> labels("LABEL name=a/b version=1"), "com.redhat.component",
                "BZComponent", "missing");
    }

    @Test
    void of_missingVersion_refused() {
        assertRefused(ErrorCode.LABEL_MISSING, () -> labels("LABEL com.redhat.component=c name=a/b"), "'version'");
    }

    @Test
    void of_versionExpandingToEmpty_refused() {
        assertRefused(ErrorCode.LABEL_MISSING, () -> labels("LABEL com.redhat.component=c name=a/b version=$NONE"),
                "line 2", "'version' is empty");
    }

    @Test
    void of_nameFromVariable_refusedAsNotExplicit() {
        assertRefused(ErrorCode.LABEL_MISSING, () -> labels("ENV N=a/b\nLABEL com.redhat.component=c name=$N version=1"),
                "line 3", "'name'", "written literally");
    }

    @Test
    void of_componentFromArg_refusedAsNotExplicit() {
        assertRefused(ErrorCode.LABEL_MISSING,
                () -> labels("ARG C=c\nLABEL com.redhat.component=${C} name=a/b version=1"), "com.redhat.component");
    }

    @Test
    void of_versionWithDash_refused() {
        assertRefused(ErrorCode.LABEL_INVALID, () -> labels("LABEL com.redhat.component=c name=a/b version=1-2"),
                "line 2", "'1-2'", "'-'");
    }

    @Test
    void of_versionWithTagUnsafeCharacters_refused() {
        assertRefused(ErrorCode.LABEL_INVALID, () -> labels("LABEL com.redhat.component=c name=a/b version=1+git"),
                "'1+git'");
    }

    @Test
    void of_badRelease_refused() {
        assertRefused(ErrorCode.LABEL_INVALID, () -> labels(GOOD + " release=a1"), "'a1'", "release");
        assertRefused(ErrorCode.LABEL_INVALID, () -> labels(GOOD + " release=1..2"), "'1..2'");
        assertRefused(ErrorCode.LABEL_INVALID, () -> labels(GOOD + " release=\"\""), "release");
    }

    @Test
    void of_badName_refused() {
        assertRefused(ErrorCode.LABEL_INVALID, () -> labels("LABEL com.redhat.component=c name=Fedora/Foo version=1"),
                "'Fedora/Foo'", "repository path");
        assertRefused(ErrorCode.LABEL_INVALID, () -> labels("LABEL com.redhat.component=c name=a/b:1 version=1"),
                "'a/b:1'");
    }

    @Test
    void of_componentWithSpace_refused() {
        assertRefused(ErrorCode.LABEL_INVALID, () -> labels("LABEL com.redhat.component=\"a b\" name=a/b version=1"),
                "'a b'");
    }

    @Test
    void withRelease_validatesRelease() {
        ImageLabels image = labels(GOOD).withRelease("7");
        assertEquals("Dockerfile-fedora-foo-1.0-7", image.buildInfoFileName());
        assertRefused(ErrorCode.LABEL_INVALID, () -> labels(GOOD).withRelease("x"), "'x'");
    }

    @Test
    void versionRelease_withoutRelease_refused() {
        assertRefused(ErrorCode.LABEL_MISSING, () -> labels(GOOD).versionRelease(), "release");
    }

    @Test
    void checkTags_acceptsUpTo128Characters() {
        ImageLabels image = labels(GOOD).withRelease("1");
        image.checkTags(List.of("latest", "1.0", "x".repeat(128)));
    }

    @Test
    void checkTags_tooLongExtraTag_refusedNamingLength() {
        ImageLabels image = labels(GOOD).withRelease("1");
        assertRefused(ErrorCode.TAG_TOO_LONG, () -> image.checkTags(List.of("y".repeat(129))), "129 characters",
                "128");
    }

    @Test
    void checkTags_tooLongVersionRelease_refused() {
        ImageLabels image = labels("LABEL com.redhat.component=c name=a/b version=" + "9".repeat(120))
                .withRelease("123456789");
        assertRefused(ErrorCode.TAG_TOO_LONG, () -> image.checkTags(List.of()), "130 characters");
    }

    @Test
    void checkTags_invalidTag_refused() {
        ImageLabels image = labels(GOOD).withRelease("1");
        assertRefused(ErrorCode.INVALID_TAG, () -> image.checkTags(List.of("-bad")), "'-bad'");
    }
}
