#!/usr/bin/env bash
# Bounded coverage-guided fuzzing of every *FuzzTest (docs/fuzzing.md). `mvn verify` already runs each target over
# its kept corpus (regression mode); this step mutates from that corpus for each target's @FuzzTest maxDuration,
# one JVM per target. The whole stage must stay within 4 minutes. A finding fails the run and is written next to
# the kept corpus (src/test/resources/<package>/<Class>Inputs/<method>/crash-*): keep it there and fix the reader.
# Extra arguments go to Maven, e.g. `scripts/fuzz.sh -pl build-worker -am -Dtest=RpmHeaderFuzzTest`.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
mvn -B -ntp -P fuzz test "$@"
echo "fuzzing stage took $(( $(date +%s) - start )) s (budget 240 s)"
