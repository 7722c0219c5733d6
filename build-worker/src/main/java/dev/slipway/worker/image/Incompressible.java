package dev.slipway.worker.image;

import java.util.zip.Deflater;

/**
 * Tells whether a block of layer data is worth deflating, from a few small samples compressed at the fastest
 * level: only when every sample stays (nearly) as large as it was is the block judged incompressible. Random data
 * and already-compressed files (RPM payloads, images, archives) are; text, binaries and file systems are not, and a
 * block that mixes both is compressed as usual. A wrong "incompressible" costs ratio on one block, never
 * correctness: a stored block is valid deflate whatever it holds.
 */
final class Incompressible {
    static final int SAMPLE = 8 * 1024;
    static final int SAMPLES = 3;
    /** Compressed size over input size above which a sample counts as incompressible. */
    static final double RATIO = 0.97;

    private Incompressible() {
    }

    /** Whether the first {@code length} bytes of {@code block} would not shrink under deflate. */
    static boolean test(byte[] block, int length) {
        if (length < SAMPLE * SAMPLES) {
            return false; // small blocks cost little either way; compress them as usual
        }
        Deflater fast = new Deflater(Deflater.BEST_SPEED, true);
        byte[] out = new byte[SAMPLE + SAMPLE / 8 + 64];
        try {
            for (int i = 0; i < SAMPLES; i++) {
                int from = (int) ((long) (length - SAMPLE) * i / (SAMPLES - 1));
                fast.reset();
                fast.setInput(block, from, SAMPLE);
                fast.finish();
                int size = 0;
                while (!fast.finished()) {
                    size += fast.deflate(out);
                }
                if (size < SAMPLE * RATIO) {
                    return false;
                }
            }
            return true;
        } finally {
            fast.end();
        }
    }
}
