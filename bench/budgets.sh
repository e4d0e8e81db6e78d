#!/usr/bin/env bash
# Issue 16's budgets in one sitting, for a quiet machine: every benchmark of bench/, one after the other, with the
# load average before and after each (figures taken under load say so in docs/performance.md; compare ratios within
# one sitting, not seconds across sittings).
#
#   bench/budgets.sh [RUNS]        # RUNS per measured command, default 10
#
# Budgets (docs/performance.md): --version ≤ 1.5×, --help ≤ 2×, doctor --offline ≤ 3× the same runtime's
# `java -version` (startup.sh); first wizard question ≤ 300 ms (wizard-first-prompt.sh); online doctor at 1 s latency
# ≤ 1.3 s (doctor-latency.sh); models --all-regions ≤ 1.5× one region at 0 latency and ≤ 1.3× at 1 s
# (models-all-regions.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
load() { echo "== $1; load average $(cut -d' ' -f1-3 /proc/loadavg)"; }
load "startup.sh"
bench/startup.sh --runs "$runs"
load "wizard-first-prompt.sh"
RUNS="$runs" bench/wizard-first-prompt.sh
# the online benches through the launcher, then through the runtime image users install, when it is built
image="$(ls -d "$PWD"/target/dist/bedrock-setup-*-linux-x64 2>/dev/null | head -1)"
for bin in ./bedrock-setup ${image:+"$image/bin/bedrock-setup"}; do
    load "doctor-latency.sh (1 s per call), $bin"
    BIN="$bin" LATENCY_MS=1000 RUNS="$runs" bench/doctor-latency.sh
    load "models-all-regions.sh (0 and 1 s per call), $bin"
    BIN="$bin" LATENCIES="0 1000" RUNS="$runs" bench/models-all-regions.sh
done
load "done"
