package dev.slipway.cli.hub;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Runs one hub verb and turns a refusal into one clear line and an exit status (2: usage/config, 1: the rest). */
public final class Verb {
    private Verb() {
    }

    public static int run(PrintWriter err, Callable<Integer> body) {
        try {
            return body.call();
        } catch (SlipwayException e) {
            err.println("slipway: " + e.describe());
            err.flush();
            return e.code() == ErrorCode.CLIENT_CONFIG_INVALID || e.code() == ErrorCode.CHECKOUT_NOT_READY ? 2 : 1;
        } catch (Exception e) {
            err.println("slipway: failed unexpectedly: " + e);
            err.flush();
            return 1;
        }
    }
}
