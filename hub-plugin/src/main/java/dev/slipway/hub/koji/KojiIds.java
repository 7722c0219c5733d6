package dev.slipway.hub.koji;

import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.admin.Directory;
import dev.slipway.hub.admin.Directory.Kind;

/** The numeric ids koji's dicts carry, for names Slipway's records use; {@link Directory} answers them. */
interface KojiIds {
    /** The id of a named thing (its NOT_FOUND code when there is none). */
    long id(Kind kind, String name);

    /** A package's id, or null when the package is in no package list. */
    Long packageId(String name);

    static KojiIds of(Directory dir) {
        return new KojiIds() {
            @Override
            public long id(Kind kind, String name) {
                return dir.id(kind, name);
            }

            @Override
            public Long packageId(String name) {
                try {
                    return dir.packageId(name);
                } catch (SlipwayException e) {
                    return null;
                }
            }
        };
    }
}
