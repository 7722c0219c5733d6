#!/usr/bin/env bash
# Benchmarks koji's XML-RPC API against the JSON API on one hub (H2): getTaskInfo calls/s from 16 clients each way
# (goal: XML-RPC >= 0.8x JSON) and a multiCall of 100 getTaskInfo (goal: <= 50 ms). Usage: scripts/bench-koji.sh
# Environment: BENCH_SECONDS (per measurement, default 10), SLIPWAY_JAVA_OPTS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# One reactor run, so the sibling modules resolve to their target/classes (nothing is installed).
mvn -B -q -ntp -o -pl hub-plugin -am test-compile dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.cp >&2
cp="hub-plugin/target/test-classes:hub-plugin/target/classes:$(cat hub-plugin/target/bench.cp)"
exec java ${SLIPWAY_JAVA_OPTS:-} -Dbench.seconds="${BENCH_SECONDS:-10}" -cp "$cp" dev.slipway.hub.bench.KojiBenchmark
