#!/usr/bin/env bash
# Benchmark: `bedrock-setup models --all-regions` against one region, against the AWS stand-in with an injected
# latency on every call, through the launcher as a user runs it (or through BIN, an image's bin/bedrock-setup). Every Bedrock region is asked concurrently (one
# credentials resolution, one HTTP client and one scheduler of call deadlines for all), so all regions should cost
# little more than one.
#
#   LATENCIES="0 1000" RUNS=7 bench/models-all-regions.sh
#
# For each latency (ms, default "0 1000"): a fresh stand-in, unmeasured runs (one of one region, WARMUPS of all
# regions, default 6: a real AWS endpoint is not cold, and the stand-in's JVM shares the command's cores), then RUNS alternating runs (default 7) of one region and of all regions; medians, mean CPU (user + system), the ratio all/one
# and issue 16's budget for it (≤ 1.5× at 0 latency, ≤ 1.3× at 1 s); then the same commands in one warm JVM
# (bench/CommandTiming.java), the command's own time without start-up. The load average before and after is printed:
# on a shared machine compare the ratios, not the seconds. Results: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
LATENCIES=${LATENCIES:-${LATENCY_MS:-"0 1000"}}
RUNS=${RUNS:-7}
JAR=target/bedrock-setup.jar
./bedrock-setup --version >/dev/null # builds on first use (the stand-in runs from its jar)
BIN=${BIN:-./bedrock-setup} # or an image's bin/bedrock-setup (bench/budgets.sh passes it when built)
echo "command: $BIN"
for _ in $(seq 60); do [ -n "$(find target/cds target/aot \( -name '*.jsa' -o -name '*.aot' \) -newer "$JAR" 2>/dev/null)" ] && break; sleep 1; done
# shellcheck source=bench/lib.sh
. bench/lib.sh
work=$(mktemp -d)
trap 'standin_stop; rm -rf "$work"' EXIT
unset AWS_REGION
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for latency in $LATENCIES; do
    mkdir -p "$work/l$latency"; standin_start "$work/l$latency" "$latency"
    # warms the stand-in (a real AWS endpoint is not cold): its own JVM, on the same 2 cores as the command, spent
    # ~0.5 s of CPU on the second all-regions run and ~0.15 s from the eighth on, as its JIT compiler caught up
    "$BIN" models --profile standin --region eu-west-1 >/dev/null 2>&1 || true
    for _ in $(seq "${WARMUPS:-6}"); do "$BIN" models --profile standin --all-regions >/dev/null 2>&1 || true; done
    one=(); all=(); one_cpu=(); all_cpu=(); one_standin=(); all_standin=()
    for _ in $(seq "$RUNS"); do
        s0=$(standin_cpu_ms)
        read -r w c < <(cpu_wall_ms "$BIN" models --profile standin --region eu-west-1); one+=("$w"); one_cpu+=("$c")
        s1=$(standin_cpu_ms)
        read -r w c < <(cpu_wall_ms "$BIN" models --profile standin --all-regions); all+=("$w"); all_cpu+=("$c")
        s2=$(standin_cpu_ms)
        one_standin+=($((s1 - s0))); all_standin+=($((s2 - s1)))
    done
    regions=$(awk 'NR > 1 && /^[a-z]+-[a-z]+-[0-9]/ {n++} END {print n + 0}' "$work/last.out")
    # the same commands three times in one JVM: the last run is the command's own time, without start-up
    warm_one=$(java -cp "$JAR" bench/CommandTiming.java 3 models --profile standin --region eu-west-1 | tail -1)
    warm_all=$(java -cp "$JAR" bench/CommandTiming.java 3 models --profile standin --all-regions | tail -1)
    standin_stop
    awk -v wone="$warm_one" -v wall="$warm_all" -v one="$(median "${one[@]}")" -v all="$(median "${all[@]}")" \
        -v lat="$latency" -v n="$regions" -v runs="$RUNS" -v oneall="${one[*]}" -v allall="${all[*]}" \
        -v onecpu="$(mean "${one_cpu[@]}")" -v allcpu="$(mean "${all_cpu[@]}")" \
        -v onesi="$(mean "${one_standin[@]}")" -v allsi="$(mean "${all_standin[@]}")" 'BEGIN {
        budget = lat == 0 ? 1.5 : 1.3
        printf "latency per call %.2f s\n", lat / 1000
        printf "  models, one region:                %.2f s wall (median of %d: %s ms)\n", one / 1000, runs, oneall
        printf "  models --all-regions (%d regions): %.2f s wall (median of %d: %s ms)\n", n, all / 1000, runs, allall
        printf "  all / one: %.2f (budget %.1f: %s)\n", all / one, budget, all / one <= budget ? "met" : "NOT met"
        printf "  CPU (user + system, mean): one region %.2f s, all regions %.2f s (+%.2f s)\n", onecpu / 1000,
            allcpu / 1000, (allcpu - onecpu) / 1000
        printf "  CPU of the stand-in meanwhile, on the same cores (mean): %.2f s and %.2f s\n", onesi / 1000, allsi / 1000
        printf "  in one warm JVM: one region %.2f s, all regions %.2f s\n", wone / 1000, wall / 1000
    }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
