#!/usr/bin/env bash
# The end-to-end demo: a packager's dist-git commit becomes a pushed, digest-pinned image with its RPM manifest
# and a mirror copy. Everything is made from local material (no image is pulled from anywhere):
#   1. install/start what is missing (scripts/setup.sh) and build Slipway;
#   2. start a throw-away loopback registry (Debian's docker-registry) on a free port;
#   3. build real RPMs with rpmbuild and an RPM-based base image, push it as <registry>/fedora:40;
#   4. create a dist-git repository holding the sample container (two commits);
#   5. run `bin/slipway-worker build` on its HEAD commit, then a scratch build of the same commit;
#   6. check the outputs with tools Slipway did not write: skopeo, rpm, sha256sum.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

DEMO="${SLIPWAY_DEMO_DIR:-$PWD/target/demo}"
rm -rf "$DEMO"; mkdir -p "$DEMO"
echo "== building Slipway" >&2
mvn -B -q -ntp install -Dmaven.test.skip=true >&2

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
REG="127.0.0.1:$port"
mkdir -p "$DEMO/registry"
cat > "$DEMO/registry/config.yml" <<YAML
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $DEMO/registry/data}, delete: {enabled: true}}
http: {addr: $REG}
YAML
docker-registry serve "$DEMO/registry/config.yml" >"$DEMO/registry/registry.log" 2>&1 &
registry_pid=$!
trap 'kill $registry_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -fsS "http://$REG/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
echo "== registry at http://$REG" >&2

echo "== preparing RPMs, the base image and the dist-git repository" >&2
(cd testing && mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile="$DEMO/testing.classpath" >&2)
cp_testing="testing/target/classes:$(cat "$DEMO/testing.classpath")"
eval "$(java -cp "$cp_testing" dev.slipway.testing.demo.PrepareDemo --registry "$REG" --dir "$DEMO")"
echo "== dist-git: $SOURCE" >&2

echo "== slipway-worker build (release build)" >&2
bin/slipway-worker build --source "$SOURCE" --target f40-container-candidate \
  --registry "http://$REG" --mirror "$DEMO/mirror" --config deploy/worker.demo.yaml --log "$DEMO/build.log" \
  > "$DEMO/result.json"
digest=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["image"]["manifest_digest"])' "$DEMO/result.json")
mirror=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mirror"])' "$DEMO/result.json")
python3 - "$DEMO/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"state:    {r['state']}  {r['nvr']}  ({r['arch']})")
print(f"digest:   {r['image']['manifest_digest']}")
for p in r['registries']:
    print(f"pushed:   {p['pull_specs'][0]}  tags={p['tags']}")
for p in r['parents']:
    print(f"parent:   {p['written']} -> {p['pinned']}")
pk = r['packages']
print(f"packages: {len(pk['packages'])} {pk['type']} from {pk['database']}")
print(f"mirror:   {r['mirror']}")
PY

echo "== checking with outside tools" >&2
echo "skopeo inspect digest: $(skopeo inspect --tls-verify=false "docker://$REG/slipway/hello@$digest" --format '{{.Digest}}')"
echo "skopeo label vcs-ref:  $(skopeo inspect --tls-verify=false "docker://$REG/slipway/hello:latest" --format '{{index .Labels "vcs-ref"}}')"
echo "oci layout sha256:     sha256:$(skopeo inspect --raw "oci:$mirror/oci" | sha256sum | cut -d' ' -f1)"
(cd "$mirror" && sha256sum --quiet -c CHECKSUM && echo "CHECKSUM:              all files OK")

echo "== slipway-worker build --scratch (same commit)" >&2
bin/slipway-worker build --source "$SOURCE" --target f40-container-candidate --scratch \
  --registry "http://$REG" --config deploy/worker.demo.yaml --log "$DEMO/scratch.log" > "$DEMO/scratch.json"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("scratch: ", r["state"], r["registries"][0]["tags"], "mirror:", r["mirror"])' "$DEMO/scratch.json"
echo "== demo finished; outputs in $DEMO" >&2
