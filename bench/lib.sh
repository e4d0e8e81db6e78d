# Sourced by the benchmarks: the loopback AWS stand-in and a median. Not run on its own.
#
# standin_start WORK LATENCY_MS: starts the stand-in (its own JVM, from the built jar) with that latency on every
# answer and a profile `standin` with static keys under WORK/aws, exports the variables it prints, and points HOME
# at WORK/home. standin_stop is called from the caller's EXIT trap.
# shellcheck shell=bash

standin_pid=""

standin_start() {
    local work="$1" latency="$2" jar="${JAR:-target/bedrock-setup.jar}"
    java -cp "$jar" dev.bedrocksetup.standin.StandInMain --latency-ms "$latency" --profile-dir "$work/aws" \
        > "$work/standin.out" 2>&1 &
    standin_pid=$!
    for _ in $(seq 200); do
        grep -q '^export AWS_PROFILE=' "$work/standin.out" 2>/dev/null && break
        sleep 0.05
    done
    if ! grep -q '^export AWS_PROFILE=' "$work/standin.out"; then
        echo "bench: the stand-in did not start" >&2
        cat "$work/standin.out" >&2
        return 1
    fi
    eval "$(grep '^export ' "$work/standin.out")"
    export HOME="$work/home" BEDROCK_SETUP_MANAGED_SETTINGS="$work/home/managed-settings.json"
    mkdir -p "$HOME/.claude"
}

# doctor_settings: Claude Code's user settings for the doctor benches: Bedrock on, the stand-in's profile, two pinned
# models (so the doctor makes every call it makes for a user: identity, listing, one probe per model)
doctor_settings() {
    cat > "$HOME/.claude/settings.json" <<JSON
{"env": {"CLAUDE_CODE_USE_BEDROCK": "1", "AWS_REGION": "${AWS_REGION:-us-east-1}", "AWS_PROFILE": "$AWS_PROFILE",
 "ANTHROPIC_MODEL": "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
 "ANTHROPIC_DEFAULT_HAIKU_MODEL": "us.anthropic.claude-haiku-4-5-20251001-v1:0"}}
JSON
}

standin_stop() {
    if [ -n "$standin_pid" ]; then kill "$standin_pid" 2>/dev/null || true; fi
}

now_ms() { date +%s%3N; }

# wall_ms CMD...: runs the command (output to $work/last.out) and prints its wall time in milliseconds
wall_ms() {
    local start end
    start=$(now_ms)
    "$@" > "$work/last.out" 2>&1 || true
    end=$(now_ms)
    echo $((end - start))
}

# cpu_wall_ms CMD...: runs the command (output to $work/last.out) and prints its wall time and its CPU time (user +
# system, GNU time) in milliseconds: "WALL CPU". On a shared machine CPU time is the steadier of the two.
cpu_wall_ms() {
    /usr/bin/time -f "%e %U %S" -o "$work/time.out" "$@" > "$work/last.out" 2>&1 || true
    tail -1 "$work/time.out" | awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }'
}

# standin_cpu_ms: the CPU time (user + system) the stand-in's JVM has used so far, in milliseconds. It shares this
# machine's cores with the command measured, which AWS's servers do not: a bench prints it beside the command's own.
standin_cpu_ms() {
    awk -v hz="$(getconf CLK_TCK)" '{ printf "%d\n", ($14 + $15) * 1000 / hz }' "/proc/$standin_pid/stat"
}

# mean N1 N2 ...: the mean of integers, rounded
mean() {
    printf '%s\n' "$@" | awk '{ s += $1 } END { printf "%.0f\n", NR ? s / NR : 0 }'
}

# median N1 N2 ...: the median of integers
median() {
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
