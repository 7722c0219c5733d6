/**
 * The benchmarks behind {@code scripts/bench.sh}: Slipway's pipeline, RPM manifest and re-push against the same work
 * done by hand.
 */
package dev.slipway.bench;
