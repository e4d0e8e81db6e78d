#!/usr/bin/env bash
# Benchmark: the floor under the online doctor's budget (issue 16: at most 1.3 s with 1 s latency per call). The
# smallest program that makes one AWS call with the SDK bedrock-setup uses (bench/SdkFloor.java: one STS client, one
# GetCallerIdentity), started the way the runtime image starts bedrock-setup (its java, its flags, an AOT cache
# trained on that program alone), against the stand-in with the same latency; then the image's `doctor`, which makes
# six calls through three clients and checks what they say. RUNS alternating runs (default 9), medians.
#   RUNS=9 LATENCY_MS=1000 bench/sdk-floor.sh       (needs the image: packaging/image/build-image.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
LATENCY_MS=${LATENCY_MS:-1000}
RUNS=${RUNS:-9}
image="$(ls -d "$PWD"/target/dist/bedrock-setup-*-linux-x64 2>/dev/null | head -1)"
[ -n "$image" ] || { echo "sdk-floor: build the image first (packaging/image/build-image.sh)" >&2; exit 2; }
# shellcheck source=bench/lib.sh
. bench/lib.sh
work=$(mktemp -d)
trap 'standin_stop; rm -rf "$work"' EXIT
java=("$image/lib/runtime/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED)
mkdir -p "$work/classes"
javac -nowarn -cp "$image/lib/app/bedrock-setup.jar" -d "$work/classes" bench/SdkFloor.java
jar cf "$work/floor.jar" -C "$work/classes" .
cp="$image/lib/app/bedrock-setup.jar:$work/floor.jar"
standin_start "$work" "$LATENCY_MS"
doctor_settings
# its own cache, trained as the image's are (classes, not method profiles)
"${java[@]}" -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -XX:AOTCacheOutput="$work/floor.aot" -cp "$cp" \
    SdkFloor >/dev/null 2>&1
floor=("${java[@]}" -XX:AOTCache="$work/floor.aot" -cp "$cp" SdkFloor)
"${floor[@]}" >/dev/null; "$image/bin/bedrock-setup" doctor >/dev/null 2>&1 || true # warms the stand-in
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
f=(); d=(); v=()
for _ in $(seq "$RUNS"); do
    f+=("$(wall_ms "${floor[@]}")")
    d+=("$(wall_ms "$image/bin/bedrock-setup" doctor)")
    v+=("$(wall_ms "${java[@]}" -XX:AOTCache="$work/floor.aot" -cp "$cp" -version)")
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "latency per call:                           $LATENCY_MS ms"
echo "java -version (that runtime and cache):     $(median "${v[@]}") ms"
echo "one SDK call, nothing else (SdkFloor):      $(median "${f[@]}") ms (${f[*]})"
echo "bedrock-setup doctor (six calls, checks):   $(median "${d[@]}") ms (${d[*]})"
