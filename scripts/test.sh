#!/usr/bin/env bash
# Runs every unit and integration test against the real Docker Engine, registry, rpm, gpg and git.
# Installs and starts what is missing first (scripts/setup.sh). A component that cannot be started fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
exec mvn -B -ntp verify "$@"
