#!/usr/bin/env bash
# Runs every unit and integration test (fuzz targets over their kept corpus) against the real Docker Engine,
# registry, rpm, gpg and git, then bounded fuzzing (scripts/fuzz.sh, at most 4 minutes).
# Installs and starts what is missing first (scripts/setup.sh). A component that cannot be started fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
mvn -B -ntp verify "$@"
# Bounded fuzzing after the regression run (docs/fuzzing.md); the sources are compiled already.
exec scripts/fuzz.sh -o
