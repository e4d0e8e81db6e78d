#!/usr/bin/env bash
# Start-up benchmark: whole-process wall time of bedrock-setup commands against the JVM floor, and peak RSS.
#
#   bench/startup.sh [--runs N] [--install] [--no-hyperfine]
#
# Uses hyperfine when installed (--install: apt-get install it when missing and we are root), otherwise a loop
# timed with date(1). Peak RSS comes from GNU time (/usr/bin/time -f %M), maximum over the runs. Prints the median
# of each command and its ratio to the same runtime's `java -version` in the same run. Method and results: docs/performance.md.
# Everything runs in a throw-away HOME and working directory, with no AWS_/ANTHROPIC_/CLAUDE_ variables.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh" # median
runs=20
install=0
use_hyperfine=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --install) install=1; shift ;;
    --no-hyperfine) use_hyperfine=0; shift ;;
    *) echo "usage: bench/startup.sh [--runs N] [--install] [--no-hyperfine]" >&2; exit 2 ;;
  esac
done

if ! command -v hyperfine >/dev/null 2>&1 && [ "$install" = 1 ] && [ "$(id -u)" = 0 ] \
    && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null 2>&1 || true
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/bedrock-setup-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/cwd" "$work/hello"
for v in $(env | sed -n 's/^\(\(AWS\|ANTHROPIC\|CLAUDE\)_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done
export HOME="$work/home"
cd "$work/cwd"

java="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; fi
launcher="$here/bedrock-setup"
jar="$here/target/bedrock-setup.jar"

# The floor: the smallest Java program, on the same JVM.
cat >"$work/hello/Hello.java" <<'EOF'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
EOF
javac_bin="javac"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then javac_bin="$JAVA_HOME/bin/javac"; fi
"$javac_bin" -d "$work/hello" "$work/hello/Hello.java"

# Build if needed, and let the launcher make its archive (CDS before Java 25, AOT cache from 25) before measuring.
"$launcher" --version >/dev/null
archive_ready() { [ -n "$(find "$here/target/cds" "$here/target/aot" \( -name '*.jsa' -o -name '*.aot' \) -newer "$jar" 2>/dev/null)" ]; }
for _ in $(seq 1 120); do archive_ready && break; sleep 1; done
archive_ready || echo "bench: warning: no start-up archive appeared in target/cds or target/aot" >&2

# The runtime image (packaging/image/build-image.sh), when built: its rows are measured against its own java.
image="$(ls -d "$here"/target/dist/bedrock-setup-*-linux-x64 2>/dev/null | head -1)"

raw="$java -jar $jar"
names=()
cmds=()
floors=() # the index of the row each row's ratio is taken against: its runtime's `java -version`
floor_index=0
add() { names+=("$1"); cmds+=("$2"); floors+=("$floor_index"); }
add_floor() { floor_index=${#cmds[@]}; add "$@"; }
add "java hello-world" "$java -cp $work/hello Hello"
add_floor "java -version" "$java -version"
add "--version" "$launcher --version"
add "--help" "$launcher --help"
add "doctor --offline" "$launcher doctor --offline"
add "--version, no archive" "env BEDROCK_SETUP_NO_CDS=1 $launcher --version"
add "doctor --offline, no archive" "env BEDROCK_SETUP_NO_CDS=1 $launcher doctor --offline"
add "--version, plain java -jar" "$raw --version"
add "doctor --offline, plain java -jar" "$raw doctor --offline"
if [ -n "$image" ]; then
  add_floor "image: java -version" "$image/lib/runtime/bin/java -version"
  add "image: --version" "$image/bin/bedrock-setup --version"
  add "image: --help" "$image/bin/bedrock-setup --help"
  add "image: doctor --offline" "$image/bin/bedrock-setup doctor --offline"
else
  echo "bench: no runtime image in target/dist (packaging/image/build-image.sh): its rows are left out" >&2
fi

have_hyperfine() { [ "$use_hyperfine" = 1 ] && command -v hyperfine >/dev/null 2>&1; }

json_ms() { # hyperfine JSON, key -> that value in ms (first occurrence)
  sed -n "s/.*\"$2\": *\([0-9.e+-]*\).*/\1/p" "$1" | head -1 | awk '{printf "%.0f", $1 * 1000}'
}

loop_median_ms() { # command string -> median wall ms over $runs runs (after 3 warm-ups)
  local c="$1" t0 t1 i
  for i in 1 2 3; do $c >/dev/null 2>&1 || true; done
  local times=()
  for i in $(seq 1 "$runs"); do
    t0=$(date +%s%N); $c >/dev/null 2>&1 || true; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  median "${times[@]}"
}

peak_rss_mb() { # command string -> max RSS in MB over 5 runs (GNU time), or "-"
  local c="$1" max=0 kb i
  [ -x /usr/bin/time ] || { echo "-"; return; }
  for i in 1 2 3 4 5; do
    /usr/bin/time -f '%M' -o "$work/rss" $c >/dev/null 2>&1 || true
    kb="$(tail -1 "$work/rss" 2>/dev/null || true)"
    case "$kb" in ''|*[!0-9]*) continue ;; esac
    [ "$kb" -gt "$max" ] && max="$kb"
  done
  [ "$max" -gt 0 ] && awk -v k="$max" 'BEGIN {printf "%.0f", k / 1024}' || echo "-"
}

if have_hyperfine; then
  tool="hyperfine $(hyperfine --version | awk '{print $2}'), $runs runs after 3 warm-ups"
else
  tool="date(1) loop, $runs runs after 3 warm-ups (install hyperfine for more: --install)"
fi
echo "bedrock-setup start-up, $(nproc) cores, $("$java" -version 2>&1 | head -1), $tool"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
printf '%-36s %10s %8s %12s %11s\n' "command" "median ms" "x java -version" "CPU ms mean" "peak RSS MB"
medians=()
for i in "${!cmds[@]}"; do
  if have_hyperfine; then
    hyperfine -N -i --style none --warmup 3 --runs "$runs" --export-json "$work/r.json" "${cmds[$i]}" >/dev/null 2>&1
    ms="$(json_ms "$work/r.json" median)"
    cpu=$(( $(json_ms "$work/r.json" user) + $(json_ms "$work/r.json" system) ))
  else
    ms="$(loop_median_ms "${cmds[$i]}")"
    cpu="-"
  fi
  medians+=("$ms")
  ratio="$(awk -v a="$ms" -v b="${medians[${floors[$i]}]:-$ms}" 'BEGIN {printf "%.1f", a / b}')"
  printf '%-36s %10s %8s %12s %11s\n' "${names[$i]}" "$ms" "$ratio" "$cpu" "$(peak_rss_mb "${cmds[$i]}")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
