package dev.slipway.hub.http;

/** A handler's answer when it is not a plain 200 with a JSON body. */
public record Reply(int status, Object body) {
    /** 201 Created with a body. */
    public static Reply created(Object body) {
        return new Reply(201, body);
    }

    /** 204 No Content. */
    public static Reply noContent() {
        return new Reply(204, null);
    }
}
