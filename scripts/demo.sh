#!/usr/bin/env bash
# The end-to-end demo: a packager's dist-git commit becomes a pushed, digest-pinned image with its RPM manifest
# and a mirror copy. Everything is made from local material (no image is pulled from anywhere):
#   1. install/start what is missing (scripts/setup.sh) and build Slipway;
#   2. start a throw-away loopback registry (Debian's docker-registry) on a free port;
#   3. build real RPMs with rpmbuild and an RPM-based base image, push it as <registry>/fedora:40;
#   4. create a dist-git repository holding the sample container (two commits);
#   5. run `bin/slipway-worker build` on its HEAD commit, then a scratch build of the same commit;
#   6. check the outputs with tools Slipway did not write: skopeo, rpm, sha256sum;
#   7. the main flow through the hub: start slipway-hub (H2 in a temporary data directory) and a worker daemon
#      (slipway-worker run) as processes, set up tags/target/package/host with the slipway admin verbs, run
#      `slipway container-build` in a dist-git checkout and watch the build live, print build-info, stop both.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

DEMO="${SLIPWAY_DEMO_DIR:-$PWD/target/demo}"
rm -rf "$DEMO"; mkdir -p "$DEMO"
echo "== building Slipway" >&2
mvn -B -q -ntp install -Dmaven.test.skip=true >&2

pids=""
trap 'kill $pids 2>/dev/null || true' EXIT
# start_registry NAME: a throw-away distribution registry on a free loopback port; sets ADDR to host:port.
# (Not run in a command substitution: the registry's pid must reach the EXIT trap.)
start_registry() {
  local name="$1" port addr
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  addr="127.0.0.1:$port"
  mkdir -p "$DEMO/$name"
  cat > "$DEMO/$name/config.yml" <<YAML
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $DEMO/$name/data}, delete: {enabled: true}}
http: {addr: $addr}
YAML
  docker-registry serve "$DEMO/$name/config.yml" >"$DEMO/$name/registry.log" 2>&1 &
  pids="$pids $!"
  for _ in $(seq 1 50); do curl -fsS "http://$addr/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
  ADDR="$addr"
}
start_registry registry; REG="$ADDR"
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

echo "== the main flow: hub + worker daemon + slipway container-build" >&2
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
HUB="http://127.0.0.1:$(free_port)"
mkdir -p "$DEMO/hub"
cat > "$DEMO/hub/hub.yaml" <<YAML
listen: {host: 127.0.0.1, port: ${HUB##*:}}
data_dir: data
allowed_scms: ["file://$DEMO/dist-git/"]
tasks: {lease_seconds: 30}
YAML
hub_cp="$(ls hub-plugin/target/slipway-hub-plugin-*.jar | grep -v -e sources -e tests | head -n 1):hub-plugin/target/lib/*"
java -cp "$hub_cp" dev.slipway.hub.HubMain init-admin --config "$DEMO/hub/hub.yaml" --name releng 2>/dev/null \
  | grep -E '^[A-Za-z0-9_-]{20,}$' | tail -n 1 > "$DEMO/hub/releng.token"
java -cp "$hub_cp" dev.slipway.hub.HubMain serve --config "$DEMO/hub/hub.yaml" > "$DEMO/hub/hub.log" 2>&1 &
hub_pid=$!; pids="$pids $hub_pid"
for _ in $(seq 1 100); do curl -fsS "$HUB/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
echo "== slipway-hub at $HUB (log: $DEMO/hub/hub.log)" >&2
export SLIPWAY_HUB="$HUB" SLIPWAY_TOKEN="$(cat "$DEMO/hub/releng.token")"
arch=$(/usr/bin/docker info --format '{{.Architecture}}')
bin/slipway add-tag f40-container-build --arches "$arch"
bin/slipway add-tag f40-candidate --arches "$arch"
bin/slipway add-target f40-container-candidate f40-container-build f40-candidate
bin/slipway add-pkg f40-candidate hello-container --owner releng
bin/slipway add-host demo-worker "$arch" --capacity 4 --token-out "$DEMO/hub/demo-worker.token"

# dist-git repositories are named after their component (the hub checks the package list by repository name).
git clone -q --bare "$DEMO/dist-git/hello.git" "$DEMO/dist-git/hello-container.git"
git clone -q -b f40 "$DEMO/dist-git/hello-container.git" "$DEMO/checkout"

{ cat deploy/worker.demo.yaml; cat <<YAML
allowed_scms: ["file://$DEMO/dist-git/"]
registries:
  - {uri: "http://$REG", namespace: hub}
work_dir: "$DEMO/worker-work"
daemon:
  channels: [container]
  capacity: 4
  mirror: "$DEMO/hub-mirror"
YAML
} > "$DEMO/worker-daemon.yaml"
bin/slipway-worker run --hub "$HUB" --config "$DEMO/worker-daemon.yaml" --token-file "$DEMO/hub/demo-worker.token" \
  --name demo-worker > "$DEMO/worker.log" 2>&1 &
worker_pid=$!; pids="$pids $worker_pid"
for _ in $(seq 1 150); do grep -q "serving" "$DEMO/worker.log" 2>/dev/null && break; sleep 0.2; done
echo "== slipway-worker run: demo-worker (log: $DEMO/worker.log)" >&2

echo "== slipway container-build (in $DEMO/checkout; the task log streams live)" >&2
(cd "$DEMO/checkout" && "$OLDPWD/bin/slipway" container-build)
echo "== slipway build-info hello-container-1.1-1" >&2
bin/slipway build-info hello-container-1.1-1 | tee "$DEMO/build-info.txt"
hub_digest=$(sed -n 's/^Image ([^)]*): //p' "$DEMO/build-info.txt" | head -n 1)
echo "skopeo inspect digest: $(skopeo inspect --tls-verify=false "docker://$REG/hub/slipway/hello:1.1-1" --format '{{.Digest}}') (hub: $hub_digest)"
kill -TERM "$worker_pid"; wait "$worker_pid" 2>/dev/null || true
kill -TERM "$hub_pid"; wait "$hub_pid" 2>/dev/null || true

echo "== release: promote the standalone build from staging to production by digest, signed" >&2
start_registry production; PROD="$ADDR"
keys="$DEMO/keys"; mkdir -p "$keys/gnupg"; chmod 700 "$keys/gnupg"
gpg --batch --homedir "$keys/gnupg" --passphrase '' --quick-gen-key 'Demo Release Team <release@slipway.invalid>' \
  rsa2048 sign never 2>/dev/null
fpr=$(gpg --batch --homedir "$keys/gnupg" --with-colons --list-secret-keys | awk -F: '/^fpr:/ {print $10; exit}')
gpg --batch --homedir "$keys/gnupg" --armor --pinentry-mode loopback --passphrase '' \
  --export-secret-keys "$fpr" > "$keys/release-secret.asc"
openssl ecparam -name prime256v1 -genkey -noout -out "$keys/cosign.pem"
openssl ec -in "$keys/cosign.pem" -pubout -out "$keys/cosign.pub.pem" 2>/dev/null
promo="$DEMO/promotion"; git init -q -b main "$promo"
mkdir -p "$promo/manifests/hello" "$promo/images/hello"
printf 'registries:\n- name: %s\n  src: true\n- name: %s\n' "$REG" "$PROD" > "$promo/manifests/hello/promoter-manifest.yaml"
printf -- '- name: slipway/hello\n  dmap:\n    "%s": ["1.1-1"]\n' "$digest" > "$promo/images/hello/images.yaml"
git -C "$promo" add -A
git -C "$promo" -c user.name='Release Engineer' -c user.email=releng@slipway.invalid commit -q -m 'Promote hello 1.1-1'
bin/slipway promote --manifests "$promo"                       # dry run: the plan
bin/slipway promote --manifests "$promo" --confirm --lookaside "$DEMO/lookaside" \
  --sign-key "$keys/release-secret.asc" --cosign-key "$keys/cosign.pem" --attestation-key "$keys/cosign.pem" \
  --mirror "$DEMO/mirror"
skopeo inspect --raw --tls-verify=false "docker://$PROD/slipway/hello:1.1-1" > "$DEMO/prod-manifest.json"
echo "production digest:     sha256:$(sha256sum < "$DEMO/prod-manifest.json" | cut -d' ' -f1) (staging: $digest)"
# One GPG signature per promoted tag and one for the repository (digest pulls): verify the tag's.
for sig in "$DEMO"/lookaside/slipway/hello@sha256=*/signature-*; do
  if out=$(GNUPGHOME="$keys/gnupg" skopeo standalone-verify "$DEMO/prod-manifest.json" "$PROD/slipway/hello:1.1-1" \
      "$fpr" "$sig" 2>&1); then
    echo "skopeo standalone-verify ($(basename "$sig")): $out"
    break
  fi
done
(cd "$mirror" && sha256sum --quiet -c CHECKSUM && echo "mirror CHECKSUM with signatures: all files OK")
echo "== demo finished; outputs in $DEMO" >&2
