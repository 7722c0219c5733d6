#!/usr/bin/env bash
# The packager's whole story, end to end, from local material only (no image is pulled from anywhere):
#   1. install/start what is missing (scripts/setup.sh) and build Slipway (mvn package, nothing installed);
#   2. a throw-away loopback registry with an RPM-based base image built from real RPMs (rpmbuild);
#   3. slipway-hub (H2) and a worker daemon (slipway-worker run) as processes; a packager, the tags, the
#      f40-container-candidate target, the hello-container package and the build host, with slipway's admin verbs;
#   4. a dist-git repository with the post-receive hook installed: clone, change the Dockerfile, git push -> the
#      hook submits the build; slipway watch-task follows it live;
#   5. slipway container-build --scratch in the checkout: status line, live log, pull spec by digest;
#   6. slipway package-images: which image holds an RPM older than a version;
#   7. release: slipway promote copies the hub's build to a production registry by digest, signs it (GPG
#      lookaside signature, cosign signature, signed provenance) and records the publication on the hub (--hub);
#      checked with skopeo standalone-verify and the mirror's CHECKSUM;
#   8. prints the console URL of the build.
# Usage: scripts/demo.sh [--keep]   (--keep leaves registries, hub and worker running and says how to stop them)
set -euo pipefail
cd "$(dirname "$0")/.."
keep=false
case "${1:-}" in
  --keep) keep=true ;;
  "") ;;
  *) echo "usage: scripts/demo.sh [--keep]" >&2; exit 2 ;;
esac
source scripts/setup.sh

DEMO="${SLIPWAY_DEMO_DIR:-$PWD/target/demo}"
step() { printf '\n== %s\n' "$*" >&2; }

pids=""
stop_all() {
  for p in $pids; do kill -TERM "$p" 2>/dev/null || true; done
  for p in $pids; do wait "$p" 2>/dev/null || true; done
  rm -f "$DEMO/pids"
}
# A previous --keep run may still be serving from $DEMO: stop what it recorded (only processes whose command line
# names this demo directory, so a reused pid is never touched) before starting again.
if [ -f "$DEMO/pids" ]; then
  for p in $(cat "$DEMO/pids"); do
    if tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -qF "$DEMO/"; then kill -TERM "$p" 2>/dev/null || true; fi
  done
  sleep 3
fi
rm -rf "$DEMO"; mkdir -p "$DEMO"
trap 'if ! $keep || [ "${ok:-false}" != true ]; then stop_all; fi' EXIT

step "building Slipway (mvn package)"
mvn -B -q -ntp -pl cli,hub-plugin,build-worker,dist-git-hooks,testing -am package -Dmaven.test.skip=true \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# start_registry NAME: a throw-away distribution registry on a free loopback port; sets ADDR to host:port.
# (Not run in a command substitution: the registry's pid must reach the EXIT trap.)
start_registry() {
  local name="$1" addr
  addr="127.0.0.1:$(free_port)"
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
echo "registry (staging): $REG" >&2

step "RPMs, the base image and the dist-git repository"
cp_testing="testing/target/classes:$(cat testing/target/classpath.txt)"
eval "$(java -cp "$cp_testing" dev.slipway.testing.demo.PrepareDemo --registry "$REG" --dir "$DEMO")"
# dist-git repositories are named after their component (the hub checks the package list by repository name).
git clone -q --bare "$DEMO/dist-git/hello.git" "$DEMO/dist-git/hello-container.git"

step "slipway-hub (H2) and a worker daemon"
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
for _ in $(seq 1 600); do curl -fsS "$HUB/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "$HUB/healthz" >/dev/null || { echo "demo: the hub did not start; see $DEMO/hub/hub.log" >&2; exit 1; }
echo "slipway-hub: $HUB (log: $DEMO/hub/hub.log)" >&2

# The release engineer's client settings, the way users keep them: a config file (flags and $SLIPWAY_* override it).
cat > "$DEMO/slipway.yaml" <<YAML
hub: $HUB
token_file: $DEMO/hub/releng.token
YAML
export SLIPWAY_CONFIG="$DEMO/slipway.yaml"
unset SLIPWAY_HUB SLIPWAY_TOKEN SLIPWAY_TOKEN_FILE
arch=$(/usr/bin/docker info --format '{{.Architecture}}')
bin/slipway add-tag f40-container-build --arches "$arch"
bin/slipway add-tag f40-candidate --arches "$arch"
bin/slipway add-target f40-container-candidate f40-container-build f40-candidate
bin/slipway add-user pat --role packager
bin/slipway create-token --user pat --out "$DEMO/hub/pat.token"
bin/slipway add-pkg f40-candidate hello-container --owner pat
bin/slipway add-host demo-worker "$arch" --capacity 4 --token-out "$DEMO/hub/demo-worker.token"

{ cat deploy/worker.demo.yaml; cat <<YAML
allowed_scms: ["file://$DEMO/dist-git/"]
registries:
  - {uri: "http://$REG", namespace: hub}
work_dir: "$DEMO/worker-work"
daemon:
  channels: [container]
  capacity: 4
  mirror: "$DEMO/mirror"
YAML
} > "$DEMO/worker.yaml"
bin/slipway-worker run --hub "$HUB" --config "$DEMO/worker.yaml" --token-file "$DEMO/hub/demo-worker.token" \
  --name demo-worker > "$DEMO/worker.log" 2>&1 &
pids="$pids $!"
for _ in $(seq 1 600); do grep -q "Registered" "$DEMO/worker.log" 2>/dev/null && break; sleep 0.2; done
echo "slipway-worker: demo-worker (log: $DEMO/worker.log)" >&2
bin/slipway list-hosts

step "the packager pushes a Dockerfile change; the dist-git hook submits the build"
bare="$DEMO/dist-git/hello-container.git"
cp deploy/hooks/post-receive "$bare/hooks/post-receive"; chmod +x "$bare/hooks/post-receive"
cat > "$bare/slipway-hook.yaml" <<YAML
hub: $HUB
token_file: $DEMO/hub/pat.token
anonymous_url: "file://$DEMO/dist-git/{repo}.git"
branches:
  f40: null
timeout_seconds: 10
YAML
git clone -q -b f40 "$bare" "$DEMO/checkout"
cd "$DEMO/checkout"
sed -i 's/^CMD /LABEL io.slipway.demo="pushed through the hook"\nCMD /' Dockerfile
git -c user.name='Pat Packager' -c user.email=pat@slipway.invalid commit -q -am 'Label the image for the demo'
SLIPWAY_HOME="$OLDPWD" git push origin f40 2>&1 | sed 's/^/  git push: /'
cd "$OLDPWD"
export SLIPWAY_TOKEN_FILE="$DEMO/hub/pat.token"   # from here on, the packager (the environment beats the file)
task=null
for _ in $(seq 1 60); do
  task=$(bin/slipway list-tasks --state all --owner pat --json | jq -r '.items[0].id')
  [ "$task" != null ] && break; sleep 1
done
[ "$task" != null ] || { echo "demo: the hook queued no task" >&2; exit 1; }
echo "the hook queued task $task; following it:" >&2
bin/slipway watch-task "$task"
build_id=$(bin/slipway task-info "$task" --json | jq -r '.build_id')
nvr=$(bin/slipway build-info "$build_id" --json | jq -r '.nvr')
digest=$(bin/slipway build-info "$build_id" --json | jq -r '.images[0].digest')
vr="${nvr#hello-container-}"

step "slipway container-build --scratch (in the checkout; status line and live log)"
(cd "$DEMO/checkout" && "$OLDPWD/bin/slipway" container-build --scratch)

step "slipway package-images: which images hold slipway-bravo older than 2:3.2?"
bin/slipway package-images slipway-bravo --older-than 2:3.2-1

step "checking the hub's build with outside tools"
echo "skopeo inspect digest: $(skopeo inspect --tls-verify=false "docker://$REG/hub/slipway/hello:$vr" \
  --format '{{.Digest}}') (hub: $digest)"
mirror=$(bin/slipway build-info "$build_id" --json | jq -r '.mirror')
(cd "$mirror" && sha256sum --quiet -c CHECKSUM && echo "mirror CHECKSUM:       all files OK")
bin/slipway download "$nvr" --dir "$DEMO/download" | sed 's/^/  /'

step "release: promote $nvr from staging to production by digest, signed, recorded on the hub"
unset SLIPWAY_TOKEN_FILE   # the release engineer again (the config file's token)
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
printf 'registries:\n- name: %s/hub\n  src: true\n- name: %s\n' "$REG" "$PROD" > "$promo/manifests/hello/promoter-manifest.yaml"
printf -- '- name: slipway/hello\n  dmap:\n    "%s": ["%s"]\n' "$digest" "$vr" > "$promo/images/hello/images.yaml"
git -C "$promo" add -A
git -C "$promo" -c user.name='Release Engineer' -c user.email=releng@slipway.invalid commit -q -m "Promote $nvr"
bin/slipway promote --manifests "$promo"                       # dry run: the plan
bin/slipway promote --manifests "$promo" --confirm --lookaside "$DEMO/lookaside" \
  --sign-key "$keys/release-secret.asc" --cosign-key "$keys/cosign.pem" --attestation-key "$keys/cosign.pem" \
  --mirror "$DEMO/mirror" --hub "$HUB"
skopeo inspect --raw --tls-verify=false "docker://$PROD/slipway/hello:$vr" > "$DEMO/prod-manifest.json"
echo "production digest:     sha256:$(sha256sum < "$DEMO/prod-manifest.json" | cut -d' ' -f1) (staging: $digest)"
for sig in "$DEMO"/lookaside/slipway/hello@sha256=*/signature-*; do
  if out=$(GNUPGHOME="$keys/gnupg" skopeo standalone-verify "$DEMO/prod-manifest.json" "$PROD/slipway/hello:$vr" \
      "$fpr" "$sig" 2>&1); then
    echo "skopeo standalone-verify ($(basename "$sig")): $out"
    break
  fi
done
(cd "$mirror" && sha256sum --quiet -c CHECKSUM && echo "mirror CHECKSUM with signatures: all files OK")
bin/slipway build-info "$nvr" | grep -E '^(BUILD|State|Image|  pull|Published|Console)'

step "done"
echo "The build on the console: $HUB/console/builds/$build_id"
echo "Outputs in $DEMO"
ok=true
if $keep; then
  echo "$pids" > "$DEMO/pids"
  echo "Still running (--keep): staging registry $REG, production registry $PROD, hub $HUB, worker demo-worker."
  echo "Stop them with: kill $(echo $pids)   (or run scripts/demo.sh again, which stops them first)"
fi
