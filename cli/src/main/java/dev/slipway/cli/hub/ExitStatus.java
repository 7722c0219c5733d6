package dev.slipway.cli.hub;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit statuses of every {@code slipway} verb, and the one mapping from Slipway's error codes to them. Scripts
 * branch on these numbers; a number never changes once released.
 */
public enum ExitStatus {
    OK(0, "success (for a build: the task CLOSED)"),
    FAILED(1, "the build FAILED, or the hub refused the request (not found, policy, conflict...)"),
    USAGE(2, "usage: unknown verb or option, bad value, client configuration, dirty or unpushed checkout"),
    AUTH(3, "authentication or permission: no token, unknown or revoked token, not allowed"),
    UNREACHABLE(4, "the hub could not be reached (or its database is down)"),
    CANCELED(5, "the task was CANCELED"),
    DETACHED(130, "Ctrl-C while watching: detached, the task goes on (re-attach with slipway watch-task ID)");

    /** The heading of the exit status list in every verb's --help. */
    public static final String HEADING = "%nExit status:%n";

    private final int code;
    private final String meaning;

    ExitStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** Every status with its meaning, in order, for picocli's {@code exitCodeList} in each verb's --help. */
    public static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitStatus s : values()) {
            list.put(String.valueOf(s.code), s.meaning);
        }
        return list;
    }

    /** The status of a failure with this error code. */
    public static ExitStatus of(ErrorCode code) {
        return switch (code) {
            case AUTH_REQUIRED, AUTH_INVALID_TOKEN, PERMISSION_DENIED, HOST_TOKEN_NOT_ALLOWED, HOST_TOKEN_REQUIRED,
                    PRIORITY_NOT_ALLOWED -> AUTH;
            case HUB_UNREACHABLE, HUB_UNAVAILABLE -> UNREACHABLE;
            case CANCELED -> CANCELED;
            case CLIENT_CONFIG_INVALID, CHECKOUT_NOT_READY -> USAGE;
            default -> FAILED;
        };
    }

    /** The status of this failure. */
    public static ExitStatus of(SlipwayException e) {
        return of(e.code());
    }

    /** The status of a finished task's state ({@code CLOSED}, {@code FAILED}, {@code CANCELED}). */
    public static ExitStatus ofTaskState(String state) {
        return switch (state) {
            case "CLOSED" -> OK;
            case "CANCELED" -> CANCELED;
            default -> FAILED;
        };
    }
}
