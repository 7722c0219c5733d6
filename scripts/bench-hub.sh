#!/usr/bin/env bash
# Benchmarks slipway-hub over HTTP and prints each figure beside its goal: task status reads/s with 64 clients
# (goal >= 20,000/s), durable submissions/s with 64 clients (>= 1,500/s, p99 <= 100 ms) and the p99 with 8 clients
# (<= 20 ms), dispatch latency through the long-poll claim; first a bare Vert.x server measured with the same
# harness (what the machine allows at that moment). PostgreSQL runs with fsync on.
# Usage: scripts/bench-hub.sh [h2|postgresql|both]   (PostgreSQL needs postgresql-15)
# Environment: BENCH_SECONDS (reads, default 10), BENCH_SUBMISSIONS (default 10000), SLIPWAY_JAVA_OPTS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# One reactor run, so the sibling modules resolve to their target/classes (nothing is installed).
mvn -B -q -ntp -o -pl hub-plugin -am test-compile dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.cp >&2
cp="hub-plugin/target/test-classes:hub-plugin/target/classes:$(cat hub-plugin/target/bench.cp)"
exec java ${SLIPWAY_JAVA_OPTS:-} -Dbench.seconds="${BENCH_SECONDS:-10}" \
    -Dbench.submissions="${BENCH_SUBMISSIONS:-10000}" -cp "$cp" dev.slipway.hub.bench.HubBenchmark "${1:-both}"
