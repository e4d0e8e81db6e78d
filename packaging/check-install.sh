#!/usr/bin/env bash
# Runs an installed bedrock-setup as a user would, with no java on PATH, and fails on the first thing that is wrong:
#
#   packaging/check-install.sh [--all] COMMAND STAND_IN_JAVA STAND_IN_JAR
#
# COMMAND: the bedrock-setup to check (the image's bin/bedrock-setup, or the one npm or the .deb put on PATH).
# STAND_IN_JAVA, STAND_IN_JAR: a java and jar that run the loopback AWS stand-in (standin.StandInMain), called by
# their paths (the image's own runtime does: no JDK is needed).
# Always: --version, --help, doctor --offline, login --use-device-code against the stand-in, and init --demo driven
# to its end in a terminal (tmux). --all adds every command that calls AWS, against the stand-in: doctor, verify,
# models (one region and all), policy and export-credentials. Any "NoClassDefFoundError" or "ClassNotFoundException"
# in any output fails the check (a class of a JDK module the image lacks).
set -euo pipefail

all=0
if [ "${1:-}" = "--all" ]; then all=1; shift; fi
[ $# -eq 3 ] || { echo "usage: packaging/check-install.sh [--all] COMMAND STAND_IN_JAVA STAND_IN_JAR" >&2; exit 2; }
cmd="$1"
under_test="$1"
standin_java="$2"
standin_jar="$3"

work="$(mktemp -d "${TMPDIR:-/tmp}/bedrock-setup-check.XXXXXX")"
socket="bedrock-setup-check-$$"
standin_pid=""
cleanup() {
  tmux -L "$socket" kill-server >/dev/null 2>&1 || true
  if [ -n "$standin_pid" ]; then kill "$standin_pid" 2>/dev/null || true; wait "$standin_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A PATH with the tools a user's shell has, and no java.
mkdir -p "$work/tools" "$work/home" "$work/cwd"
for tool in sh bash env cat ls grep sed awk head tail mkdir rm mktemp dirname basename readlink uname id sleep; do
  if p="$(command -v "$tool")"; then ln -s "$p" "$work/tools/$tool"; fi
done
case "$cmd" in
  */*) ;;
  *) p="$(command -v "$cmd")" || { echo "check: $cmd is not on PATH" >&2; exit 1; }
     cmd="$p" ;;
esac
# the command under test, linked into a directory of its own: its own may hold a java too (/usr/bin for the .deb)
mkdir -p "$work/bin"
ln -s "$cmd" "$work/bin/bedrock-setup"
cmd="$work/bin/bedrock-setup"
user_path="$work/bin:$work/tools"
if PATH="$user_path" command -v java >/dev/null 2>&1; then
  echo "check: java is on the PATH under test ($(PATH="$user_path" command -v java))" >&2; exit 1
fi

fail() { echo "check: FAILED: $*" >&2; exit 1; }

# run NAME EXPECTED_EXIT ARGS...: runs the command in the throw-away home, with no variable of the caller's but
# those given in $extra; output in $work/NAME.out
extra=()
run() {
  local name="$1" want="$2" rc=0
  shift 2
  (cd "$work/cwd" && env -i HOME="$work/home" PATH="$user_path" LANG=C.UTF-8 TERM=dumb "${extra[@]}" \
    "$cmd" "$@") </dev/null >"$work/$name.out" 2>&1 || rc=$?
  if grep -q 'NoClassDefFoundError\|ClassNotFoundException' "$work/$name.out"; then
    cat "$work/$name.out" >&2; fail "$name: a class is missing"
  fi
  if [ "$rc" != "$want" ]; then
    cat "$work/$name.out" >&2
    if [ -n "$standin_pid" ] && ! kill -0 "$standin_pid" 2>/dev/null; then
      echo "check: the stand-in (pid $standin_pid) is gone; its output:" >&2
      cat "$work/standin.out" >&2
    fi
    fail "$name exited $rc, expected $want"
  fi
  echo "check: ok  bedrock-setup $* (exit $rc)"
}
expect() { grep -q -- "$2" "$work/$1.out" || { cat "$work/$1.out" >&2; fail "$1: no '$2' in its output"; }; }

run version 0 --version
expect version '^bedrock-setup [0-9]'
run help 0 --help
expect help 'doctor'
# an empty home: the doctor finds no Bedrock settings, which is a finding (exit 1), not an error
run doctor-offline 1 doctor --offline
expect doctor-offline 'CLAUDE_CODE_USE_BEDROCK'

# The stand-in, approving device-code logins as a user would, with a profile "standin" holding keys it issued.
"$standin_java" -cp "$standin_jar" dev.bedrocksetup.standin.StandInMain --approve-logins \
  --profile-dir "$work/aws" >"$work/standin.out" 2>&1 &
standin_pid=$!
# its last line of set-up comes after the profile files are written
for _ in $(seq 1 150); do grep -q '^export AWS_PROFILE=standin' "$work/standin.out" && break; sleep 0.2; done
base="$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/standin.out")"
[ -n "$base" ] && [ -f "$work/aws/config" ] || { cat "$work/standin.out" >&2; fail "the stand-in did not start"; }
cat >>"$work/aws/config" <<CONFIG

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile sso]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = BedrockUser
region = us-east-1
CONFIG
extra=(AWS_CONFIG_FILE="$work/aws/config" AWS_SHARED_CREDENTIALS_FILE="$work/aws/credentials")
for service in SSO SSO_OIDC STS BEDROCK BEDROCK_RUNTIME; do extra+=("AWS_ENDPOINT_URL_$service=$base"); done

run login 0 login --profile sso --use-device-code
expect login 'confirm the code'
ls "$work/home/.aws/sso/cache/"*.json >/dev/null 2>&1 || fail "login cached no token"

if [ "$all" = 1 ]; then
  run init-yes 0 init --yes --profile standin --region us-east-1 \
    --model us.anthropic.claude-sonnet-4-5-20250929-v1:0 --haiku-model us.anthropic.claude-haiku-4-5-20251001-v1:0
  grep -q '"AWS_PROFILE": "standin"' "$work/home/.claude/settings.json" || fail "init --yes wrote no settings"
  # the default report: problems only (none fail here), then one line; --all shows every check
  run doctor 0 doctor
  expect doctor ' passed'
  run doctor-all 0 doctor --all
  expect doctor-all 'AWS accepts the credentials (STS): account 111122223333'
  run verify 0 verify
  run models 0 models --region us-east-1 --profile standin
  expect models 'anthropic.claude'
  run models-all 0 models --all-regions --profile standin
  run policy 0 policy --region us-east-1 --profile standin
  expect policy 'bedrock:InvokeModel'
  run export 0 export-credentials --profile standin
  # the credentials Claude Code reads (the stand-in's, but still not printed)
  grep -q '"Credentials":{"AccessKeyId":"ASIA' "$work/export.out" || fail "export-credentials printed no credentials"

  run reset 0 reset --yes
fi

# init --demo in a terminal, answered as a user would: create an SSO profile, the demo's start URL, defaults after,
# Proceed at the summary.
cat >"$work/demo.sh" <<DEMO
#!/bin/sh
cd '$work/cwd'
env -i HOME='$work/home' PATH='$user_path' LANG=C.UTF-8 TERM=xterm-256color '$cmd' init --demo
echo "EXIT=\$?"
sleep 600
DEMO
chmod +x "$work/demo.sh"
tmux -L "$socket" -f /dev/null new-session -d -s demo -x 120 -y 50 "$work/demo.sh"
screen() { tmux -L "$socket" capture-pane -t demo -p -S -300; }
await() { # text: waits for it on the screen; fails when init ended first, or after a minute
  local shown
  for _ in $(seq 1 300); do
    shown="$(screen)"
    if grep -qF -- "$1" <<<"$shown"; then return 0; fi
    if grep -q '^EXIT=' <<<"$shown"; then break; fi
    sleep 0.2
  done
  echo "$shown" >&2
  if grep -q 'NoClassDefFoundError\|ClassNotFoundException' <<<"$shown"; then fail "init --demo: a class is missing"; fi
  fail "init --demo: the screen never showed '$1'"
}
keys() { tmux -L "$socket" send-keys -t demo "$@"; sleep 0.2; }
await "Which AWS profile should Claude Code use?"
keys -l create
await "filter: create"
keys Enter
await "IAM Identity Center start URL"
keys -l https://example.awsapps.com/start
keys Enter
# the common path: everything else is defaulted and shown in the summary, which Enter (Proceed) applies
for question in "IAM Identity Center region" "Which Bedrock region?" "Primary model (ANTHROPIC_MODEL)?" \
    "Proceed with these settings?"; do
  await "$question"
  keys Enter
done
await "EXIT="
screen >"$work/demo.out"
if grep -q 'NoClassDefFoundError\|ClassNotFoundException' "$work/demo.out"; then cat "$work/demo.out" >&2; fail "init --demo: a class is missing"; fi
# the JVM's own warnings (a restricted method called without --enable-native-access: jline's terminal) are for no user
if grep -q '^WARNING: ' "$work/demo.out"; then cat "$work/demo.out" >&2; fail "init --demo: the JVM printed a warning"; fi
grep -q "EXIT=0" "$work/demo.out" || { cat "$work/demo.out" >&2; fail "init --demo did not exit 0"; }
grep -q "Done." "$work/demo.out" || { cat "$work/demo.out" >&2; fail "init --demo did not finish"; }
echo "check: ok  bedrock-setup init --demo, driven to its end in a terminal"
echo "check: all passed for $under_test"
