package dev.slipway.worker.contents;

/**
 * The RPM header tag numbers Slipway reads (rpm's {@code rpmtag.h}). Signature tags appear in an installed header
 * renumbered as 256 + their signature-header number.
 */
public final class RpmTag {
    public static final int HEADER_IMMUTABLE = 63;
    public static final int SIGPGP = 259;
    public static final int SIGMD5 = 261;
    public static final int SIGGPG = 262;
    public static final int DSAHEADER = 267;
    public static final int RSAHEADER = 268;
    public static final int NAME = 1000;
    public static final int VERSION = 1001;
    public static final int RELEASE = 1002;
    public static final int EPOCH = 1003;
    public static final int SUMMARY = 1004;
    public static final int BUILDTIME = 1006;
    public static final int SIZE = 1009;
    public static final int VENDOR = 1011;
    public static final int LICENSE = 1014;
    public static final int ARCH = 1022;
    public static final int SOURCERPM = 1044;
    public static final int LONGSIZE = 5009;
    public static final int MODULARITYLABEL = 5096;

    private RpmTag() {
    }
}
