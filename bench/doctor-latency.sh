#!/usr/bin/env bash
# Benchmark: a full `bedrock-setup doctor` against the AWS stand-in with an injected latency on every call (default
# 1 s), through the launcher as a user runs it (its JVM flags and class-data-sharing archive). The online checks start
# first and run concurrently while the offline ones run, so the whole run should take about one latency plus the
# work before the first request. The stand-in is warmed by one unmeasured run (a real AWS endpoint is not cold);
# then RUNS runs (default 7) of each command, medians printed with the ratio to the latency.
#   LATENCY_MS=1000 RUNS=7 bench/doctor-latency.sh
# Targets (issues #7, #8): doctor online under 2 s, and at most 1.5 s, with 1 s latency.
set -euo pipefail
cd "$(dirname "$0")/.."
LATENCY_MS=${LATENCY_MS:-1000}
RUNS=${RUNS:-7}
./bedrock-setup --version >/dev/null # builds on first use
for _ in $(seq 60); do [ -n "$(find target/cds -name '*.jsa' -newer target/bedrock-setup.jar 2>/dev/null)" ] && break; sleep 1; done
# shellcheck source=bench/lib.sh
. bench/lib.sh
work=$(mktemp -d)
trap 'standin_stop; rm -rf "$work"' EXIT
standin_start "$work" "$LATENCY_MS"
cat > "$HOME/.claude/settings.json" <<JSON
{"env": {"CLAUDE_CODE_USE_BEDROCK": "1", "AWS_REGION": "${AWS_REGION:-us-east-1}", "AWS_PROFILE": "$AWS_PROFILE",
 "ANTHROPIC_MODEL": "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
 "ANTHROPIC_DEFAULT_HAIKU_MODEL": "us.anthropic.claude-haiku-4-5-20251001-v1:0"}}
JSON
./bedrock-setup doctor >/dev/null 2>&1 || true # warms the stand-in
offline=(); online=()
for _ in $(seq "$RUNS"); do
    offline+=("$(wall_ms ./bedrock-setup doctor --offline)")
    online+=("$(wall_ms ./bedrock-setup doctor)")
done
grep -E "^(  )?(ok|warn|FAIL|skip) " "$work/last.out" | grep -E "Credentials resolve|STS|clock|inference profiles|pinned model" || true
off=$(median "${offline[@]}"); on=$(median "${online[@]}")
/usr/bin/time -f "%M" -o "$work/rss" ./bedrock-setup doctor >/dev/null 2>&1 || true
awk -v off="$off" -v on="$on" -v lat="$LATENCY_MS" -v runs="$RUNS" -v rss="$(cat "$work/rss" 2>/dev/null || echo 0)" 'BEGIN {
    printf "latency per call:          %.2f s\n", lat / 1000
    printf "doctor --offline:          %.2f s wall (median of %d)\n", off / 1000, runs
    printf "doctor (with online):      %.2f s wall (median of %d) = %.2f x the latency; peak RSS %d MB\n",
        on / 1000, runs, on / lat, rss / 1024
    printf "  online part beyond the offline run: %.2f s\n", (on - off) / 1000
}'
