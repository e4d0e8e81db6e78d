#!/usr/bin/env bash
# Benchmark: `bedrock-setup models --all-regions` against the AWS stand-in with an injected latency on every call
# (default 1 s). Every Bedrock region is asked concurrently, so the whole run should take about one latency plus
# the JVM's start. Prints the wall time of one region and of all regions (new JVMs, then warm runs in one JVM), and
# the ratio to the latency.
# Build first: ./mvnw -B -q -o package -DskipTests
# JAVA_OPTS is passed to the measured JVMs, e.g. JAVA_OPTS=-XX:TieredStopAtLevel=1 (C1 only) for a faster start.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/bedrock-setup.jar}
LATENCY_MS=${LATENCY_MS:-1000}
if [ ! -f "$JAR" ]; then
    echo "bench: $JAR is missing; build it with: ./mvnw -B -q -o package -DskipTests" >&2
    exit 2
fi
work=$(mktemp -d)
pid=""
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

java -cp "$JAR" dev.bedrocksetup.standin.StandInMain --latency-ms "$LATENCY_MS" --profile-dir "$work/aws" \
    > "$work/standin.out" 2>&1 &
pid=$!
for _ in $(seq 200); do
    grep -q '^export AWS_PROFILE=' "$work/standin.out" 2>/dev/null && break
    sleep 0.05
done
grep -q '^export AWS_PROFILE=' "$work/standin.out" || { echo "bench: the stand-in did not start" >&2; cat "$work/standin.out" >&2; exit 1; }
eval "$(grep '^export ' "$work/standin.out")"
unset AWS_REGION
export HOME="$work/home"
mkdir -p "$HOME"

now_ms() { date +%s%3N; }
run() {
    local start end
    start=$(now_ms)
    java ${JAVA_OPTS:-} -jar "$JAR" "$@" > "$work/last.out"
    end=$(now_ms)
    echo $((end - start))
}

start=$(run --version)
one=$(run models --profile standin --region eu-west-1)
all=$(run models --profile standin --all-regions)
# the same commands three times in one JVM: the last run is the command's own time, without start-up
warm_one=$(java ${JAVA_OPTS:-} -cp "$JAR" bench/CommandTiming.java 3 models --profile standin --region eu-west-1 | tail -1)
warm_all=$(java ${JAVA_OPTS:-} -cp "$JAR" bench/CommandTiming.java 3 models --profile standin --all-regions | tail -1)
regions=$(awk 'NR > 1 && /^[a-z]+-[a-z]+-[0-9]/ {n++} END {print n + 0}' "$work/last.out")
awk -v wone="$warm_one" -v wall="$warm_all" -v start="$start" -v one="$one" -v all="$all" -v lat="$LATENCY_MS" -v n="$regions" 'BEGIN {
    printf "latency per call:                    %.2f s\n", lat / 1000
    printf "JVM start (bedrock-setup --version): %.2f s wall\n", start / 1000
    printf "models, one region:                  %.2f s wall\n", one / 1000
    printf "models --all-regions (%d regions):   %.2f s wall\n", n, all / 1000
    printf "ratio to the latency: %.2f all regions (%.2f without the JVM start), %.2f one region\n",
        all / lat, (all - start) / lat, one / lat
    printf "in one warm JVM: one region %.2f s, all regions %.2f s; ratio to the latency %.2f\n",
        wone / 1000, wall / 1000, wall / lat
}'
