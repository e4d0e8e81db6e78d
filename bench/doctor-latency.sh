#!/usr/bin/env bash
# Benchmark: a full `bedrock-setup doctor` against the AWS stand-in with an injected latency on every call (default
# 1 s), through the launcher as a user runs it (its JVM flags and class-data-sharing archive), or through BIN (an
# image's bin/bedrock-setup). The online checks start
# at JVM start, before the command line is parsed, and the SDK clients are built while the credentials are resolved,
# so the whole run should take about one latency plus the work before the first request. The stand-in is warmed by
# one unmeasured run (a real AWS endpoint is not cold); then RUNS alternating runs (default 7) of doctor --offline and
# doctor: median wall times, mean CPU times (user + system), the load average before and after.
#   LATENCY_MS=1000 RUNS=7 bench/doctor-latency.sh
# Budget (issue 16): doctor online at most 1.3 s with 1 s latency, on a quiet machine.
# The profile is the stand-in's `standin`: temporary keys in ~/.aws/credentials (as `aws configure
# export-credentials` or a credential_process leaves them), so one round trip. An IAM Identity Center profile adds
# GetRoleCredentials before anything can be signed (one more round trip, by nature; Claude Code makes it too), an
# assume-role profile STS AssumeRole. The caller's environment is kept: NODE_EXTRA_CA_CERTS, when set, is printed,
# since the doctor then reads that bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
LATENCY_MS=${LATENCY_MS:-1000}
RUNS=${RUNS:-7}
./bedrock-setup --version >/dev/null # builds on first use (the stand-in runs from its jar)
BIN=${BIN:-./bedrock-setup} # or an image's bin/bedrock-setup (bench/budgets.sh passes it when built)
echo "command: $BIN"
for _ in $(seq 60); do [ -n "$(find target/cds -name '*.jsa' -newer target/bedrock-setup.jar 2>/dev/null)" ] && break; sleep 1; done
# shellcheck source=bench/lib.sh
. bench/lib.sh
work=$(mktemp -d)
trap 'standin_stop; rm -rf "$work"' EXIT
standin_start "$work" "$LATENCY_MS"
doctor_settings
"$BIN" doctor >/dev/null 2>&1 || true # warms the stand-in
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); NODE_EXTRA_CA_CERTS=${NODE_EXTRA_CA_CERTS:-(not set)}"
offline=(); online=(); offline_cpu=(); online_cpu=()
for _ in $(seq "$RUNS"); do
    read -r w c < <(cpu_wall_ms "$BIN" doctor --offline); offline+=("$w"); offline_cpu+=("$c")
    read -r w c < <(cpu_wall_ms "$BIN" doctor); online+=("$w"); online_cpu+=("$c")
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "^(  )?(ok|warn|FAIL|skip) " "$work/last.out" | grep -E "Credentials resolve|STS|clock|inference profiles|pinned model" || true
off=$(median "${offline[@]}"); on=$(median "${online[@]}")
/usr/bin/time -f "%M" -o "$work/rss" "$BIN" doctor >/dev/null 2>&1 || true
awk -v off="$off" -v on="$on" -v lat="$LATENCY_MS" -v runs="$RUNS" -v rss="$(cat "$work/rss" 2>/dev/null || echo 0)" \
    -v offcpu="$(mean "${offline_cpu[@]}")" -v oncpu="$(mean "${online_cpu[@]}")" -v onall="${online[*]}" 'BEGIN {
    printf "latency per call:          %.2f s\n", lat / 1000
    printf "doctor --offline:          %.2f s wall (median of %d); CPU %.2f s (mean)\n", off / 1000, runs, offcpu / 1000
    printf "doctor (with online):      %.2f s wall (median of %d: %s ms) = %.2f x the latency; CPU %.2f s (mean); peak RSS %d MB\n",
        on / 1000, runs, onall, on / lat, oncpu / 1000, rss / 1024
    printf "  online part beyond the offline run: %.2f s wall, %.2f s CPU\n", (on - off) / 1000, (oncpu - offcpu) / 1000
    if (lat == 1000) printf "  budget (issue 16, quiet machine): <= 1.30 s: %s\n", on <= 1300 ? "met" : "NOT met"
}'
