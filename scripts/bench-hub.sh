#!/usr/bin/env bash
# Benchmarks slipway-hub over HTTP: durable submissions/s with 64 clients, dispatch latency through the long-poll
# claim, task status reads/s. Usage: scripts/bench-hub.sh [h2|postgresql|both]   (PostgreSQL needs postgresql-15)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -ntp -pl hub-plugin -am test-compile -DskipTests >&2
mvn -B -q -ntp -pl hub-plugin dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >&2
cp="hub-plugin/target/test-classes:hub-plugin/target/classes:common/target/classes:$(cat hub-plugin/target/bench.cp)"
exec java ${SLIPWAY_JAVA_OPTS:-} -cp "$cp" dev.slipway.hub.bench.HubBenchmark "${1:-both}"
