package dev.bedrocksetup.wizard;

import dev.bedrocksetup.claude.ClaudeInstallation;
import dev.bedrocksetup.core.BedrockSetupException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the setup needs before any question: Claude Code (said, not required), writable ~/.aws and ~/.claude. */
final class Prerequisites implements Wizard.Step {
    @Override
    public void run(WizardState s) {
        ClaudeInstallation claude = ClaudeInstallation.find(s.env);
        s.ask.say(claude == null ? "! Claude Code is not on PATH (npm install -g @anthropic-ai/claude-code); setting "
                + "up anyway" : s.marks.check() + " Claude Code " + (claude.version == null ? ""
                : claude.version + " ") + "at " + claude.executable);
        if (claude != null && claude.version != null && ClaudeInstallation.compare(claude.version, "2.1.172") < 0) {
            s.ask.say("  This version reads the region only from AWS_REGION: the setup writes it into settings");
        }
        for (Path dir : new Path[] {s.env.home().resolve(".aws"), s.env.home().resolve(".claude")}) {
            Path existing = dir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && !Files.isWritable(existing)) {
                throw BedrockSetupException.local(existing + " is not writable, so " + dir + " cannot be written",
                        "fix its permissions (chmod u+w " + existing + ") and run again", null);
            }
        }
        s.ask.say(ClaudeInstallation.onPath(s.env, "aws") == null
                ? "  The AWS CLI is not installed: not needed, bedrock-setup logs in to IAM Identity Center itself"
                : "  AWS CLI found (optional: bedrock-setup logs in itself)");
    }
}
