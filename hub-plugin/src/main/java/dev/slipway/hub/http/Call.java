package dev.slipway.hub.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.auth.Principal;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/** One API call as a handler sees it: the caller, path parameters, strict query parameters and a strict body. */
public final class Call {
    private final RoutingContext ctx;
    private final Principal principal;
    private final ObjectMapper json;

    Call(RoutingContext ctx, Principal principal, ObjectMapper json) {
        this.ctx = ctx;
        this.principal = principal;
        this.json = json;
    }

    public Principal principal() {
        return principal;
    }

    public RoutingContext context() {
        return ctx;
    }

    /** Writes {@code body} as a 200 JSON answer (for handlers that answer asynchronously); returns it. */
    public <T> T reply(T body) {
        if (!ctx.response().closed() && !ctx.response().ended()) {
            try {
                ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(json.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new IllegalStateException("Tried to serialise the answer", e);
            }
        }
        return body;
    }

    /** A path parameter as text. */
    public String path(String name) {
        return ctx.pathParam(name);
    }

    /** A path parameter that must be a positive id. */
    public long id(String name) {
        String v = ctx.pathParam(name);
        try {
            long id = Long.parseLong(v);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new SlipwayException(ErrorCode.BAD_PARAMETER, name + " must be a positive number, not '" + v + "'");
    }

    /** The query parameters, refusing any not in {@code allowed} and any given twice. */
    public Query query(String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String name : ctx.queryParams().names()) {
            if (!known.contains(name)) {
                throw new SlipwayException(ErrorCode.BAD_PARAMETER,
                        "Unknown query parameter '" + name + "'; this call takes " + known);
            }
            if (ctx.queryParams().getAll(name).size() > 1) {
                throw new SlipwayException(ErrorCode.BAD_PARAMETER, "Query parameter '" + name + "' given twice");
            }
        }
        return new Query(ctx.queryParams());
    }

    /** The JSON body as {@code type}; unknown fields, trailing data and type mismatches are refused. */
    public <T> T body(Class<T> type) {
        Buffer b = ctx.body() == null ? null : ctx.body().buffer();
        if (b == null || b.length() == 0) {
            throw new SlipwayException(ErrorCode.REQUEST_MALFORMED, "This call needs a JSON object body");
        }
        try {
            T value = WireJson.read(json, b.getBytes(), type);
            if (value == null) {
                throw new SlipwayException(ErrorCode.REQUEST_MALFORMED, "The JSON body must be an object, not null");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON body as {@code type}, or {@code empty} when the body is empty. */
    public <T> T bodyOr(Class<T> type, T empty) {
        Buffer b = ctx.body() == null ? null : ctx.body().buffer();
        return b == null || b.length() == 0 ? empty : body(type);
    }
}
