#!/usr/bin/env bash
# Writes the Homebrew formula for the release's archives (packaging/image/build-image.sh on each platform):
#
#   packaging/homebrew/write-formula.sh DIST_DIR [BASE_URL]
#
# DIST_DIR holds bedrock-setup-VERSION-PLATFORM.tar.gz and .tar.gz.sha256 for the platforms built (darwin-arm64,
# darwin-x64, linux-arm64, linux-x64); each becomes a url and sha256 of the formula, DIST_DIR/bedrock-setup.rb.
# BASE_URL defaults to the GitHub release of that version. The release workflow (.github/workflows/release.yml)
# runs it after the platform builds and pushes the result to the tap; CI runs it on the linux-x64 archive and
# checks it with check-formula.sh.
set -euo pipefail

[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: packaging/homebrew/write-formula.sh DIST_DIR [BASE_URL]" >&2; exit 2; }
dist="$1"
sums=("$dist"/bedrock-setup-*-*-*.tar.gz.sha256)
[ -e "${sums[0]}" ] || { echo "write-formula: no bedrock-setup-*.tar.gz.sha256 in $dist" >&2; exit 2; }
first="$(basename "${sums[0]}" .tar.gz.sha256)" # bedrock-setup-0.1.0-linux-x64
version="${first#bedrock-setup-}"
version="${version%-*-*}"
base_url="${2:-https://github.com/bedrock-setup/bedrock-setup/releases/download/v$version}"

# arch block (on_arm, on_intel) and platform -> that block with the archive's url and sha256, or nothing when the
# platform's archive was not built
block() {
  local sum="$dist/bedrock-setup-$version-$2.tar.gz.sha256"
  [ -f "$sum" ] || return 0
  printf '    %s do\n      url "%s/bedrock-setup-%s-%s.tar.gz"\n      sha256 "%s"\n    end\n' \
    "$1" "$base_url" "$version" "$2" "$(cut -d' ' -f1 "$sum")"
}

{
  cat <<RUBY
# Homebrew formula for bedrock-setup, written by packaging/homebrew/write-formula.sh from the release's archives:
# each a Java runtime image with the app, so no JDK is needed. Do not edit: every release writes it again.
class BedrockSetup < Formula
  desc "Set up Claude Code on Amazon Bedrock, check it, and undo it exactly"
  homepage "https://github.com/bedrock-setup/bedrock-setup"
  version "$version"
  license "Apache-2.0"

  on_macos do
$(block on_arm darwin-arm64)
$(block on_intel darwin-x64)
  end

  on_linux do
$(block on_arm linux-arm64)
$(block on_intel linux-x64)
  end

  def install
    libexec.install Dir["*"]
    # Settings that call bedrock-setup back (awsCredentialExport, awsAuthRefresh) get opt_bin's path: it survives
    # brew upgrade, and works when Claude Code starts from the Dock or an IDE without Homebrew on PATH.
    launcher = OS.mac? ? "bedrock-setup.app/Contents/MacOS/bedrock-setup" : "bin/bedrock-setup"
    (bin/"bedrock-setup").write_env_script libexec/launcher, BEDROCK_SETUP_COMMAND: opt_bin/"bedrock-setup"
    # the zsh script is a #compdef file, so it goes to site-functions like the others
    generate_completions_from_executable(bin/"bedrock-setup", "completion", shells: [:bash, :zsh, :fish])
  end

  test do
    ENV["HOME"] = testpath
    assert_match "bedrock-setup #{version}", shell_output("#{bin}/bedrock-setup --version")
    # the whole of init against the built-in AWS stand-in, in a throw-away home of its own
    assert_match "Demo files are in", shell_output("#{bin}/bedrock-setup init --demo --yes 2>&1")
    assert_match "complete -c bedrock-setup", shell_output("#{bin}/bedrock-setup completion fish")
  end
end
RUBY
} | cat -s | sed '/^  on_\(macos\|linux\) do$/{N;s/\n$//}' >"$dist/bedrock-setup.rb"
echo "$dist/bedrock-setup.rb"
