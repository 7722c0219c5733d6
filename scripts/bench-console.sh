#!/usr/bin/env bash
# Benchmarks the console's server-side page renders: seeds a hub with 10,000 tasks, 10,000 builds and 500,000 RPM
# component rows, then asks every console page (summary, tasks with filters, task, builds with NVR-prefix search,
# build with its RPM table, packages, package, search "images containing X older than V-R", hosts, host) over HTTP
# and prints p50/p95 per page beside the goal (p95 <= 50 ms; search <= 100 ms), on H2 and on PostgreSQL.
# Usage: scripts/bench-console.sh [h2|postgresql|both]   (PostgreSQL needs postgresql-15)
# Environment: BENCH_REQUESTS (per page, default 200), BENCH_PAGES (e.g. "summary,task": only pages whose names
# start so), SLIPWAY_JAVA_OPTS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# One reactor run, so the sibling modules resolve to their target/classes (nothing is installed).
mvn -B -q -ntp -o -pl hub-plugin -am test-compile dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.cp >&2
cp="hub-plugin/target/test-classes:hub-plugin/target/classes:$(cat hub-plugin/target/bench.cp)"
exec java ${SLIPWAY_JAVA_OPTS:-} -Dbench.requests="${BENCH_REQUESTS:-200}" -Dbench.pages="${BENCH_PAGES:-}" -cp "$cp" \
    dev.slipway.hub.bench.ConsoleBenchmark "${1:-both}"
