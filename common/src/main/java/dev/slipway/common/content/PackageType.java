package dev.slipway.common.content;

import com.fasterxml.jackson.annotation.JsonValue;

/** The packaging system a package record was read from. */
public enum PackageType {
    RPM("rpm"),
    DEB("deb");

    private final String id;

    PackageType(String id) {
        this.id = id;
    }

    /** The name used in Koji component records and purls. */
    @JsonValue
    public String id() {
        return id;
    }
}
