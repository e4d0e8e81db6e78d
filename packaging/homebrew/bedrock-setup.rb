# Homebrew formula for bedrock-setup: the release jar run by Homebrew's OpenJDK.
# The release workflow (jreleaser.yml) publishes this to the tap with the version's url and sha256 filled in;
# the values below are those of the first release.
class BedrockSetup < Formula
  desc "Set up Claude Code on Amazon Bedrock, check it, and undo it exactly"
  homepage "https://github.com/bedrock-setup/bedrock-setup"
  url "https://github.com/bedrock-setup/bedrock-setup/releases/download/v0.1.0/bedrock-setup.jar"
  sha256 "0000000000000000000000000000000000000000000000000000000000000000"
  license "Apache-2.0"

  livecheck do
    url :stable
    strategy :github_latest
  end

  depends_on "openjdk"

  resource "man-pages" do
    url "https://github.com/bedrock-setup/bedrock-setup/releases/download/v0.1.0/bedrock-setup-man-0.1.0.tar.gz"
    sha256 "0000000000000000000000000000000000000000000000000000000000000000"
  end

  def install
    libexec.install "bedrock-setup.jar"
    # Settings that call bedrock-setup back (awsCredentialExport, awsAuthRefresh) get this absolute path: Claude
    # Code may run them without Homebrew's bin on PATH (launched from the Dock or an IDE). opt_bin survives upgrades.
    bin.write_jar_script libexec/"bedrock-setup.jar", "bedrock-setup",
                         "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dbedrock-setup.command=#{opt_bin}/bedrock-setup"
    # zsh reads the bash script through bashcompinit (see caveats): it is not a #compdef file for site-functions
    generate_completions_from_executable(bin/"bedrock-setup", "completion", shells: [:bash, :fish])
    resource("man-pages").stage { man1.install Dir["*.1"] }
  end

  def caveats
    <<~EOS
      zsh completion: add to ~/.zshrc
        autoload -U +X bashcompinit && bashcompinit && source <(bedrock-setup completion zsh)
    EOS
  end

  test do
    assert_match "bedrock-setup #{version}", shell_output("#{bin}/bedrock-setup --version")
    # a dry run against a throw-away home prints the diff and writes nothing
    ENV["HOME"] = testpath
    output = shell_output("#{bin}/bedrock-setup init --yes --profile dev --region us-west-2 " \
                          "--model us.anthropic.claude-sonnet-4-5-20250929-v1:0 --dry-run")
    assert_match "\"CLAUDE_CODE_USE_BEDROCK\": \"1\"", output
    refute_path_exists testpath/".claude/settings.json"
    assert_match "complete -c bedrock-setup", shell_output("#{bin}/bedrock-setup completion fish")
  end
end
