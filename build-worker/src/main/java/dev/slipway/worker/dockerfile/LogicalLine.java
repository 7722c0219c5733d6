package dev.slipway.worker.dockerfile;

/**
 * One instruction's text after joining continuation lines and dropping the comments and blank lines inside them.
 *
 * @param line the 1-based physical line the instruction starts on
 * @param endLine the 1-based physical line it ends on
 * @param text the joined text, continuation characters removed
 * @param original the physical lines from {@code line} to {@code endLine}, joined with '\n'
 */
record LogicalLine(int line, int endLine, String text, String original) {
}
