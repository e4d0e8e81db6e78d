#!/usr/bin/env bash
# Benchmark: `bedrock-setup models --all-regions` against the AWS stand-in with an injected latency on every call
# (default 1 s), through the launcher as a user runs it. Every Bedrock region is asked concurrently, so the whole run
# should take about one latency plus the work before the first request. The stand-in is warmed by one unmeasured
# run; then RUNS runs (default 5) of one region and of all regions, medians printed with the ratio to the latency;
# then the same commands in one warm JVM (bench/CommandTiming.java), the command's own time without start-up.
#   LATENCY_MS=1000 RUNS=5 bench/models-all-regions.sh
# Target (issue #5): --all-regions with 1 s latency in under 2 s.
set -euo pipefail
cd "$(dirname "$0")/.."
LATENCY_MS=${LATENCY_MS:-1000}
RUNS=${RUNS:-5}
JAR=target/bedrock-setup.jar
./bedrock-setup --version >/dev/null # builds on first use
for _ in $(seq 60); do [ -n "$(find target/cds -name '*.jsa' -newer "$JAR" 2>/dev/null)" ] && break; sleep 1; done
# shellcheck source=bench/lib.sh
. bench/lib.sh
work=$(mktemp -d)
trap 'standin_stop; rm -rf "$work"' EXIT
standin_start "$work" "$LATENCY_MS"
unset AWS_REGION
./bedrock-setup models --profile standin --all-regions >/dev/null 2>&1 || true # warms the stand-in
start=(); one=(); all=()
for _ in $(seq "$RUNS"); do
    start+=("$(wall_ms ./bedrock-setup --version)")
    one+=("$(wall_ms ./bedrock-setup models --profile standin --region eu-west-1)")
    all+=("$(wall_ms ./bedrock-setup models --profile standin --all-regions)")
done
regions=$(awk 'NR > 1 && /^[a-z]+-[a-z]+-[0-9]/ {n++} END {print n + 0}' "$work/last.out")
# the same commands three times in one JVM: the last run is the command's own time, without start-up
warm_one=$(java -cp "$JAR" bench/CommandTiming.java 3 models --profile standin --region eu-west-1 | tail -1)
warm_all=$(java -cp "$JAR" bench/CommandTiming.java 3 models --profile standin --all-regions | tail -1)
awk -v wone="$warm_one" -v wall="$warm_all" -v start="$(median "${start[@]}")" -v one="$(median "${one[@]}")" \
    -v all="$(median "${all[@]}")" -v lat="$LATENCY_MS" -v n="$regions" -v runs="$RUNS" 'BEGIN {
    printf "latency per call:                    %.2f s\n", lat / 1000
    printf "bedrock-setup --version:             %.2f s wall (median of %d)\n", start / 1000, runs
    printf "models, one region:                  %.2f s wall (median of %d)\n", one / 1000, runs
    printf "models --all-regions (%d regions):   %.2f s wall (median of %d)\n", n, all / 1000, runs
    printf "ratio to the latency: %.2f all regions, %.2f one region\n", all / lat, one / lat
    printf "in one warm JVM: one region %.2f s, all regions %.2f s; ratio to the latency %.2f\n",
        wone / 1000, wall / 1000, wall / lat
}'
