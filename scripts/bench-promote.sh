#!/usr/bin/env bash
# Benchmarks `slipway promote` against `skopeo copy` on two throw-away loopback registries: inside one registry,
# across registries (alternating runs, medians and ratios) and a re-run over unchanged images (requests per image).
# Usage: scripts/bench-promote.sh [runs=5] [imagesPerRun=3] [layerMiB=4] [unchanged=200]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
echo "bench-promote: compiling release and its test fixtures..." >&2
mvn -B -q -ntp -pl release -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
cp="$root/release/target/test-classes:$root/release/target/classes:$(cat "$root/release/target/bench.classpath")"
exec java -cp "$cp" dev.slipway.release.promotion.PromotionBenchmark "$@"
