#!/bin/sh
# Fleet roll-out of bedrock-setup for a device-management tool (Jamf, Kandji, Intune for Linux, Ansible, a login
# script): writes the managed settings from a team preset, then records `bedrock-setup verify --json`.
# docs/administrators.md ("Device-management scripts") explains it; packaging/fleet/rollout.ps1 is the Windows twin.
#
#   rollout.sh --preset URL-OR-FILE [--output FILE] [--verify-only | --no-verify] [-- MORE INIT FLAGS]
#
#   --preset     the team preset: a file, or https://...#sha256=<64 hex> (a pinned URL; docs/administrators.md)
#   --output     where verify's JSON goes (written whole or not at all); default: stdout
#   --verify-only  skip init: run verify as the user this script runs as (e.g. at each user's login)
#   --no-verify  run init only (e.g. as root, whose own credentials verify would judge)
#   BEDROCK_SETUP  the command to run (default: bedrock-setup on PATH), e.g. "java -jar /opt/bedrock-setup.jar"
#
# Exit codes are bedrock-setup's (docs/cli-contract): 0 set up and verified; 1 set up, but verify found a problem
# (the JSON says which); 2 the preset or the flags are wrong, or it changed since it was pinned (fix it, do not
# retry); 3 a local problem: a settings file, permissions, a lock, or --output not writable (retry later);
# 4 AWS or network, e.g. the preset URL did not answer (retry later). init's messages go to stderr, so they land
# in the tool's log; stdout carries verify's JSON only.
set -u

preset=""
output=""
run_init=1
run_verify=1
usage() {
  echo "rollout.sh: $1" >&2
  echo "  usage: rollout.sh --preset URL-OR-FILE [--output FILE] [--verify-only | --no-verify] [-- INIT FLAGS]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --preset) [ $# -ge 2 ] || usage "--preset needs a file or an https:// URL"; preset="$2"; shift 2 ;;
    --preset=*) preset="${1#--preset=}"; shift ;;
    --output) [ $# -ge 2 ] || usage "--output needs a file name"; output="$2"; shift 2 ;;
    --output=*) output="${1#--output=}"; shift ;;
    --verify-only) run_init=0; shift ;;
    --no-verify) run_verify=0; shift ;;
    --) shift; break ;;
    *) usage "unknown argument '$1'" ;;
  esac
done
[ "$run_init" = 1 ] || [ "$run_verify" = 1 ] || usage "--verify-only and --no-verify leave nothing to do"
[ "$run_init" = 0 ] || [ -n "$preset" ] || usage "--preset is required (a file or an https:// URL)"

# word-split on purpose: BEDROCK_SETUP may be "java -jar /path/bedrock-setup.jar"
bedrock_setup=${BEDROCK_SETUP:-bedrock-setup}

if [ "$run_verify" = 1 ] && [ -n "$output" ]; then
  # before anything is changed; in a subshell, as a failed redirection of ':' would end this shell
  tmp="$output.tmp.$$"
  if ! (: >"$tmp") 2>/dev/null; then
    echo "rollout.sh: cannot write $output (its directory must exist and be writable); nothing done" >&2
    exit 3
  fi
fi

if [ "$run_init" = 1 ]; then
  # its stdout (a --dry-run diff) joins the log on stderr: stdout is for the JSON
  $bedrock_setup init --yes --scope managed --preset "$preset" "$@" >&2
  status=$?
  if [ "$status" != 0 ]; then
    echo "rollout.sh: bedrock-setup init exited $status; nothing verified" >&2
    if [ -n "${tmp:-}" ]; then rm -f "$tmp"; fi
    exit "$status"
  fi
fi
[ "$run_verify" = 1 ] || exit 0

if [ -z "$output" ]; then
  $bedrock_setup verify --json
  exit $?
fi
$bedrock_setup verify --json >"$tmp"
status=$?
case "$status" in
  0|1)
    if mv -f "$tmp" "$output"; then exit "$status"; fi
    rm -f "$tmp"
    echo "rollout.sh: cannot write $output" >&2
    exit 3 ;;
  *)
    rm -f "$tmp" 2>/dev/null
    echo "rollout.sh: bedrock-setup verify exited $status; no JSON written to $output" >&2
    exit "$status" ;;
esac
