package dev.slipway.cli.hub;

import dev.slipway.common.error.SlipwayException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Runs one hub verb and turns a failure into one clear line and its {@link ExitStatus}. */
public final class Verb {
    private Verb() {
    }

    public static int run(PrintWriter err, Callable<Integer> body) {
        try {
            return body.call();
        } catch (SlipwayException e) {
            err.println("slipway: " + e.describe());
            err.flush();
            return ExitStatus.of(e).code();
        } catch (Exception e) {
            err.println("slipway: failed unexpectedly: " + e);
            err.flush();
            return ExitStatus.FAILED.code();
        }
    }
}
