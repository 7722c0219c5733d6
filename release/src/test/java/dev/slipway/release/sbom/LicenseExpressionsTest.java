package dev.slipway.release.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LicenseExpressionsTest {
    private final LicenseExpressions expressions = new LicenseExpressions(LicenseList.load(Json.mapper()));

    @Test
    void normalise_validCompoundExpression_keepsIt() {
        assertEquals(Optional.of("(MIT OR Apache-2.0) AND GPL-2.0-or-later WITH Classpath-exception-2.0"),
                expressions.normalise("(MIT OR Apache-2.0) AND GPL-2.0-or-later WITH Classpath-exception-2.0"));
    }

    @Test
    void normalise_lowerCaseId_usesTheListedSpelling() {
        assertEquals(Optional.of("MIT AND BSD-3-Clause"), expressions.normalise("mit AND bsd-3-clause"));
    }

    @Test
    void normalise_orLaterAndLicenseRef_areValid() {
        assertEquals(Optional.of("GPL-2.0+ OR LicenseRef-Fedora-Public-Domain"),
                expressions.normalise("GPL-2.0+ OR LicenseRef-Fedora-Public-Domain"));
    }

    @Test
    void normalise_oldFedoraShortNames_areNotSpdx() {
        assertEquals(Optional.empty(), expressions.normalise("GPLv2+ and MIT"));
        assertEquals(Optional.empty(), expressions.normalise("ASL 2.0"));
        assertEquals(Optional.empty(), expressions.normalise("MIT AND"));
        assertEquals(Optional.empty(), expressions.normalise("(MIT"));
        assertEquals(Optional.empty(), expressions.normalise("MIT WITH MIT"));
        assertEquals(Optional.empty(), expressions.normalise(""));
    }
}
