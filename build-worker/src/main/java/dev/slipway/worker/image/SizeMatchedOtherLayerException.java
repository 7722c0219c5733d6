package dev.slipway.worker.image;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

/**
 * A layer of the saved image had the size of a known layer, so it was read without compressing it, but its content
 * differs and the kept copy does not hold every byte to compress it from. Reading the image again with no known
 * layers compresses every layer.
 */
public final class SizeMatchedOtherLayerException extends SlipwayException {
    SizeMatchedOtherLayerException(String message) {
        super(ErrorCode.ENGINE_ERROR, message);
    }
}
