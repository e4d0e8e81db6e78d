#!/usr/bin/env bash
# Checks the Homebrew formula without Homebrew (which does not run here):
#
#   packaging/homebrew/check-formula.sh FORMULA DIST_DIR IMAGE_DIR
#
# 1. every url whose archive is in DIST_DIR has that archive's sha256 (at least one must be there);
# 2. the formula's `test do` block, run as `brew test` would: in an empty HOME, each shell_output command must exit
#    0 and print what its assert_match expects, with #{bin}/bedrock-setup being the formula's wrapper (the env
#    script setting BEDROCK_SETUP_COMMAND) around IMAGE_DIR's launcher.
set -euo pipefail

[ $# -eq 3 ] || { echo "usage: packaging/homebrew/check-formula.sh FORMULA DIST_DIR IMAGE_DIR" >&2; exit 2; }
formula="$1"
dist="$2"
image="$(cd "$3" && pwd -P)"
fail() { echo "check-formula: FAILED: $*" >&2; exit 1; }

matched=0
while read -r url sum; do
  archive="$dist/$(basename "$url")"
  if [ ! -f "$archive" ]; then
    echo "check-formula: $(basename "$url"): not built here, checksum not checked"
    continue
  fi
  actual="$(sha256sum "$archive" | cut -d' ' -f1)"
  [ "$actual" = "$sum" ] || fail "$(basename "$url"): the formula says $sum, the archive is $actual"
  echo "check-formula: ok  sha256 of $(basename "$url")"
  matched=$((matched + 1))
done < <(sed -n 's/^ *url "\(.*\)"$/\1/p; s/^ *sha256 "\(.*\)"$/\1/p' "$formula" | paste - -)
[ "$matched" -gt 0 ] || fail "no url of the formula names an archive in $dist"

version="$(sed -n 's/^ *version "\(.*\)"$/\1/p' "$formula")"
work="$(mktemp -d "${TMPDIR:-/tmp}/bedrock-setup-formula.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/testpath"
# what write_env_script writes
cat >"$work/bin/bedrock-setup" <<SH
#!/bin/bash
BEDROCK_SETUP_COMMAND="$work/bin/bedrock-setup" exec "$image/bin/bedrock-setup" "\$@"
SH
chmod +x "$work/bin/bedrock-setup"

test_block="$(sed -n '/^  test do$/,/^  end$/p' "$formula")"
grep -q 'ENV\["HOME"\] = testpath' <<<"$test_block" || fail "the test block does not use an empty home"
checks=0
while IFS=$'\t' read -r expected command; do
  command="${command//\#\{bin\}/$work/bin}"
  command="${command//\#\{version\}/$version}"
  expected="${expected//\#\{version\}/$version}"
  rc=0
  out="$(cd "$work/testpath" && env -i HOME="$work/testpath" PATH=/usr/bin:/bin LANG=C.UTF-8 \
    /bin/sh -c "$command" </dev/null)" || rc=$?
  [ "$rc" = 0 ] || { echo "$out" >&2; fail "'$command' exited $rc in an empty home"; }
  grep -qF -- "$expected" <<<"$out" || { echo "$out" >&2; fail "'$command' printed no '$expected'"; }
  echo "check-formula: ok  test do: $command"
  checks=$((checks + 1))
done < <(sed -n 's/^ *assert_match "\(.*\)", shell_output("\(.*\)")$/\1\t\2/p' <<<"$test_block")
[ "$checks" -gt 0 ] || fail "no assert_match ... shell_output(...) in the test block"
echo "check-formula: the formula's checksums and its test block pass"
