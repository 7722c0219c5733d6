package dev.slipway.release.sbom;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The JSON layout shared by Slipway's SBOM and referrer documents: two-space indent, LF line ends, UTC seconds. */
final class SbomJson {
    /** A pretty printer that writes {@code \n} on every platform, so bytes do not depend on the machine. */
    static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private SbomJson() {
    }

    /** {@code 2026-11-23T00:00:00Z}: whole seconds, as the SPDX schema's date pattern requires. */
    static String utcSeconds(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
