#!/usr/bin/env bash
# Runs Slipway's benchmarks against the by-hand peers in the same run and prints medians and ratios:
#   1. the worker pipeline vs git + docker build/push/save|gzip/run rpm -qa by hand;
#   2. the RPM manifest of a 150-RPM image vs docker run rpm -qa and vs docker cp + host rpm --dbpath;
#   3. re-push of an unchanged image (time, blob bytes) vs docker push.
# Usage: scripts/bench.sh [runs]   (default 5 for the pipeline, 7 and 9 for the others)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# package, never install: the reactor build puts every module jar into benchmarks/target/lib without touching ~/.m2.
mvn -B -q -ntp package -Dmaven.test.skip=true -pl benchmarks -am >&2
cp="benchmarks/target/classes:benchmarks/target/lib/*"
runs="${1:-}"
java -cp "$cp" dev.slipway.bench.PipelineBenchmark ${runs:-5}
java -cp "$cp" dev.slipway.bench.RpmManifestBenchmark ${runs:-7}
java -cp "$cp" dev.slipway.bench.RepushBenchmark ${runs:-9}
