package dev.slipway.hub.auth;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.Locale;

/** The roles a user can hold: admin (everything), releng (targets, tags, package lists, any build), packager. */
public enum Role {
    ADMIN, RELENG, PACKAGER;

    /** The lower-case name used on the wire and in the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, refusing unknown roles with BAD_NAME. */
    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.id().equals(text)) {
                return r;
            }
        }
        throw new SlipwayException(ErrorCode.BAD_NAME, "Unknown role '" + text + "'; roles are admin, releng, packager");
    }
}
