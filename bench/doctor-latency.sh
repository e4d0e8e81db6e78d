#!/usr/bin/env bash
# Benchmark: a full `bedrock-setup doctor` (offline checks, then the online ones concurrently) against the AWS stand-in
# with an injected latency on every call (default 1 s). The online checks run at once, so the run should take about
# one latency (two for the control-plane check, which lists then reads) plus the JVM's start. Prints wall times and
# the ratio to the latency. Build first: ./mvnw -B -q -o package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/bedrock-setup.jar}
LATENCY_MS=${LATENCY_MS:-1000}
[ -f "$JAR" ] || { echo "bench: $JAR is missing; build it with: ./mvnw -B -q -o package -DskipTests" >&2; exit 2; }
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
grep -q '^export AWS_PROFILE=' "$work/standin.out" || { echo "bench: the stand-in did not start" >&2; exit 1; }
eval "$(grep '^export ' "$work/standin.out")"
export HOME="$work/home" BEDROCK_SETUP_MANAGED_SETTINGS="$work/home/managed.json"
mkdir -p "$HOME/.claude"
cat > "$HOME/.claude/settings.json" <<JSON
{"env": {"CLAUDE_CODE_USE_BEDROCK": "1", "AWS_REGION": "${AWS_REGION:-us-east-1}", "AWS_PROFILE": "$AWS_PROFILE",
 "ANTHROPIC_MODEL": "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
 "ANTHROPIC_DEFAULT_HAIKU_MODEL": "us.anthropic.claude-haiku-4-5-20251001-v1:0"}}
JSON
now_ms() { date +%s%3N; }
time_of() {
    local start end
    start=$(now_ms)
    java ${JAVA_OPTS:-} -jar "$JAR" "$@" > "$work/last.out" 2>&1 || true
    end=$(now_ms)
    echo $((end - start))
}
offline=$(time_of doctor --offline)
online=$(time_of doctor)
grep -E "^(  )?(ok|warn|FAIL|skip) " "$work/last.out" | grep -E "Credentials resolve|STS|inference profiles|pinned model" || true
awk -v off="$offline" -v on="$online" -v lat="$LATENCY_MS" 'BEGIN {
    printf "latency per call:         %.2f s\n", lat / 1000
    printf "doctor --offline:         %.2f s wall\n", off / 1000
    printf "doctor (online checks):   %.2f s wall; online part %.2f s = %.2f x the latency\n", on / 1000,
        (on - off) / 1000, (on - off) / lat
}'
