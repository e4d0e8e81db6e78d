#!/usr/bin/env bash
# Benchmark: peak resident memory (GNU time's %M) of each command that calls AWS, against the AWS stand-in, through
# the launcher as a user runs it. bench/startup.sh covers the offline commands. Target (issue #8): at most 200 MB
# for any command.
#   bench/online-rss.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 2; }
./bedrock-setup --version >/dev/null # builds on first use
for _ in $(seq 60); do [ -n "$(find target/cds -name '*.jsa' -newer target/bedrock-setup.jar 2>/dev/null)" ] && break; sleep 1; done
# shellcheck source=bench/lib.sh
. bench/lib.sh
work=$(mktemp -d)
trap 'standin_stop; rm -rf "$work"' EXIT
standin_start "$work" 0
echo '{}' > "$HOME/.claude/settings.json"
model=us.anthropic.claude-sonnet-4-5-20250929-v1:0
max=0
printf '%-60s %8s %s\n' "command" "peak MB" "exit"
while IFS= read -r args; do
    [ -n "$args" ] || continue
    # shellcheck disable=SC2086 # the arguments are split on purpose
    /usr/bin/time -f "%M" -o "$work/rss" ./bedrock-setup $args >/dev/null 2>&1 && rc=0 || rc=$?
    kb=$(tail -1 "$work/rss")
    printf '%-60s %8d %s\n' "$args" $((kb / 1024)) "$rc"
    [ "$kb" -gt "$max" ] && max=$kb
done <<EOF2
init --yes --profile standin --region us-east-1 --model $model
doctor
doctor --json
verify
models --profile standin
models --profile standin --all-regions
export-credentials --profile standin
policy --profile standin
reset --yes
EOF2
printf 'largest peak: %d MB (target: at most 200 MB)\n' $((max / 1024))
