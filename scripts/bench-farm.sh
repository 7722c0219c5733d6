#!/usr/bin/env bash
# Cross-hub dispatch latency: two slipway-hub instances on one throw-away PostgreSQL 15; tasks submitted to hub A,
# claimed by a long-polling worker on hub B (woken by LISTEN/NOTIFY). Prints p50/p99 beside the goals
# (p50 <= 100 ms, p99 <= 500 ms). Usage: scripts/bench-farm.sh [tasks, default 300]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -ntp -pl hub-plugin -am test-compile -DskipTests >&2
mvn -B -q -ntp -pl hub-plugin dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >&2
cp="hub-plugin/target/test-classes:hub-plugin/target/classes:common/target/classes:$(cat hub-plugin/target/bench.cp)"
exec java ${SLIPWAY_JAVA_OPTS:-} -cp "$cp" dev.slipway.hub.bench.FarmDispatchBenchmark "${1:-300}"
