#!/usr/bin/env bash
# Installs and starts what Slipway's demo and tests need on a Debian 12 machine, doing only what is missing:
# apt packages (always --no-install-recommends) and a running Docker Engine.
# Sourced or run by scripts/demo.sh and scripts/test.sh; safe to run again.
set -euo pipefail

SLIPWAY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SLIPWAY_CACHE="${SLIPWAY_CACHE:-$HOME/.cache/slipway}"
export SLIPWAY_ROOT SLIPWAY_CACHE

log() { printf '[setup] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# command -> Debian package providing it
declare -A NEEDED=(
  [dockerd]=docker.io
  [docker-registry]=docker-registry
  [skopeo]=skopeo
  [rpm]=rpm
  [rpmbuild]=rpm
  [rpmsign]=rpm
  [gpg]=gnupg
  [git]=git
  [java]=openjdk-17-jdk-headless
  [mvn]=maven
  [sha256sum]=coreutils
  [curl]=curl
  [python3]=python3
  [openssl]=openssl
  [jq]=jq
  [gzip]=gzip
  [tar]=tar
  # The console's browser tests (hub-plugin ConsoleIT) drive Debian's headless chromium through chromedriver.
  [chromium]=chromium
  [chromedriver]=chromium-driver
  # e2e DeployFilesIT checks deploy/'s units and HAProxy example with the tools that will read them.
  [systemd-analyze]=systemd
  [haproxy]=haproxy
  # The farm tests (e2e FarmIT) run workers in network namespaces.
  [ip]=iproute2
)

missing=()
for cmd in "${!NEEDED[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${NEEDED[$cmd]}")
done
# PostgreSQL 15's server binaries: the hub suite runs against a throw-away instance as well as H2.
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql)
# Perl's DB_File writes the Berkeley DB rpmdb fixtures (RHEL 8 style) the rpmdb reader is tested against.
perl -MDB_File -e1 >/dev/null 2>&1 || missing+=(libperl5.36)
# /usr/bin/docker is Debian's CLI; another docker on PATH may be a newer CLI the engine refuses.
[ -x /usr/bin/docker ] || missing+=(docker.io)
if [ "${#missing[@]}" -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  log "installing: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The test fixtures fetch Debian's busybox package with `apt-get download`: the package lists must know it.
if ! apt-cache show busybox >/dev/null 2>&1; then
  as_root apt-get update -qq
fi

# A Docker Engine: use the one that answers, else start dockerd on the default socket.
if ! /usr/bin/docker info >/dev/null 2>&1; then
  log "starting dockerd"
  as_root bash -c 'setsid dockerd --host unix:///var/run/docker.sock >/var/log/slipway-dockerd.log 2>&1 < /dev/null &'
  for _ in $(seq 1 60); do
    /usr/bin/docker info >/dev/null 2>&1 && break
    sleep 0.5
  done
  /usr/bin/docker info >/dev/null 2>&1 || { log "dockerd did not start; see /var/log/slipway-dockerd.log"; exit 1; }
fi

log "ready: $(/usr/bin/docker version --format 'Docker Engine {{.Server.Version}} (API {{.Server.APIVersion}})')"
