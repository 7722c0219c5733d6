package dev.slipway.cli.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitStatusTest {
    @Test
    void of_authAndPermissionCodes_areThree() {
        for (ErrorCode c : List.of(ErrorCode.AUTH_REQUIRED, ErrorCode.AUTH_INVALID_TOKEN, ErrorCode.PERMISSION_DENIED,
                ErrorCode.HOST_TOKEN_NOT_ALLOWED, ErrorCode.PRIORITY_NOT_ALLOWED)) {
            assertEquals(3, ExitStatus.of(c).code(), c.name());
        }
    }

    @Test
    void of_unreachableHub_isFour_canceledIsFive_clientProblemsAreTwo() {
        assertEquals(4, ExitStatus.of(new SlipwayException(ErrorCode.HUB_UNREACHABLE, "down")).code());
        assertEquals(4, ExitStatus.of(ErrorCode.HUB_UNAVAILABLE).code());
        assertEquals(5, ExitStatus.of(ErrorCode.CANCELED).code());
        assertEquals(2, ExitStatus.of(ErrorCode.CLIENT_CONFIG_INVALID).code());
        assertEquals(2, ExitStatus.of(ErrorCode.CHECKOUT_NOT_READY).code());
    }

    @Test
    void of_refusalsAndFailures_areOne() {
        for (ErrorCode c : List.of(ErrorCode.BUILD_NOT_FOUND, ErrorCode.NVR_EXISTS, ErrorCode.BAD_OPTS,
                ErrorCode.PACKAGE_BLOCKED, ErrorCode.HUB_PROTOCOL, ErrorCode.ENGINE_BUILD_FAILED)) {
            assertEquals(1, ExitStatus.of(c).code(), c.name());
        }
    }

    @Test
    void ofTaskState_closedFailedCanceled_areZeroOneFive() {
        assertEquals(ExitStatus.OK, ExitStatus.ofTaskState("CLOSED"));
        assertEquals(ExitStatus.FAILED, ExitStatus.ofTaskState("FAILED"));
        assertEquals(ExitStatus.CANCELED, ExitStatus.ofTaskState("CANCELED"));
    }

    @Test
    void helpList_listsEveryStatusInOrder() {
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "130"), List.copyOf(ExitStatus.helpList().keySet()));
    }
}
