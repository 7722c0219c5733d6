#!/usr/bin/env bash
# Runs Slipway's benchmarks against the by-hand peers in the same run and prints medians and ratios:
#   1. the worker pipeline (push to two registries) vs `docker build` of the same Dockerfile alone (goal <= 1.15x)
#      and vs git + docker build/push x2/save|gzip/run rpm -qa by hand (goal <= 0.8x); also the floor on this
#      engine (docker build + docker save + docker push of the new layers) and each registry's requests per run
#      (SLIPWAY_BENCH_TRACE=1 lists them);
#   2. the RPM manifest of a 150-RPM image vs docker run rpm -qa and vs docker cp + host rpm --dbpath;
#   3. re-push of an unchanged image (time, blob bytes) vs docker push;
#   4. with --large only (about 4 minutes per run on 2 cores): a 1 GiB random layer, the pipeline after the
#      engine's build vs docker save + docker push by hand (goal <= 0.6x) and the worker's peak RSS (goal <= 300 MiB).
# Usage: scripts/bench.sh [--large] [runs]   (default 5 for the pipeline, 7 and 9 for the others, 2 for --large)
set -euo pipefail
cd "$(dirname "$0")/.."
large=false
if [ "${1:-}" = "--large" ]; then large=true; shift; fi
source scripts/setup.sh
# package, never install: the reactor build puts every module jar into benchmarks/target/lib without touching ~/.m2.
mvn -B -q -ntp package -Dmaven.test.skip=true -pl benchmarks -am >&2
cp="benchmarks/target/classes:benchmarks/target/lib/*"
runs="${1:-}"
java -cp "$cp" dev.slipway.bench.PipelineBenchmark ${runs:-5}
java -cp "$cp" dev.slipway.bench.RpmManifestBenchmark ${runs:-7}
java -cp "$cp" dev.slipway.bench.RepushBenchmark ${runs:-9}
if $large; then
  start=$(date +%s)
  java -cp "$cp" dev.slipway.bench.LargeLayerBenchmark ${runs:-2}
  echo "large-layer benchmark took $(( $(date +%s) - start )) s"
fi
