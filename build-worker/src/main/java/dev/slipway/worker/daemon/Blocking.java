package dev.slipway.worker.daemon;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a hub call from a build thread (never from the event loop); an interrupt is a cancel. */
final class Blocking {
    private Blocking() {
    }

    static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Canceled while waiting for the hub to " + what);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SlipwayException s ? s : new SlipwayException(ErrorCode.HUB_UNREACHABLE,
                    "Tried to " + what + " but the call failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new SlipwayException(ErrorCode.HUB_UNREACHABLE, "Tried to " + what
                    + " but the hub did not answer within 3 minutes", e);
        }
    }
}
