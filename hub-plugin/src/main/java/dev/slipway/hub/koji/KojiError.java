package dev.slipway.hub.koji;

/** Koji's fault codes, as the koji client maps {@code faultCode} to its exception classes. */
public enum KojiError {
    GENERIC(1000, "GenericError"),
    LOCK(1001, "LockError"),
    AUTH(1002, "AuthError"),
    TAG(1003, "TagError"),
    ACTION_NOT_ALLOWED(1004, "ActionNotAllowed"),
    BUILD(1005, "BuildError"),
    AUTH_LOCKED(1006, "AuthLockError"),
    AUTH_EXPIRED(1007, "AuthExpired"),
    SEQUENCE(1008, "SequenceError"),
    RETRY(1009, "RetryError"),
    SERVER_OFFLINE(1014, "ServerOffline"),
    PARAMETER(1019, "ParameterError");

    private final int faultCode;
    private final String className;

    KojiError(int faultCode, String className) {
        this.faultCode = faultCode;
        this.className = className;
    }

    /** The XML-RPC {@code faultCode}. */
    public int faultCode() {
        return faultCode;
    }

    /** The koji exception class name, as the CLI prints it. */
    public String className() {
        return className;
    }
}
