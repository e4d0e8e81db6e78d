package dev.bedrocksetup.setup;

import dev.bedrocksetup.claude.ClaudeInstallation;
import dev.bedrocksetup.core.Environment;
import java.util.ArrayList;
import java.util.List;

/**
 * What to do after init wrote the setup, the same after the wizard and after --yes: check it, undo it, and start
 * Claude Code (how to install it first when it is not on PATH). After the demo, the check and undo commands act on
 * the demo's home (HOME=…, which the tool reads before user.home), since the real one was never touched.
 */
public final class NextSteps {
    private NextSteps() {}

    /** Set in the demo's environment to its throw-away home. */
    public static final String DEMO_HOME = "BEDROCK_SETUP_DEMO_HOME";

    static final String NPM_INSTALL = "npm install -g @anthropic-ai/claude-code";
    static final String NATIVE_INSTALL = "curl -fsSL https://claude.ai/install.sh | bash";

    /**
     * The lines, indented two spaces.
     *
     * @param resetArguments what undoing this setup needs after {@code reset} ("", " --remove-profile", " --scope
     *     project")
     */
    public static List<String> lines(Environment env, String resetArguments) {
        String demoHome = env.nonBlank(DEMO_HOME);
        // the demo's stand-in is gone once init ends: only the offline checks can run against its files
        String prefix = demoHome == null ? "" : "HOME=" + demoHome + " ";
        List<String> out = new ArrayList<>();
        out.add("  Check it:  " + prefix + "bedrock-setup doctor" + (demoHome == null ? "" : " --offline"));
        out.add("  Undo it:   " + prefix + "bedrock-setup reset" + resetArguments);
        if (demoHome != null) {
            out.add("  For real:  bedrock-setup init");
        } else if (ClaudeInstallation.onPath(env, "claude") == null) {
            out.add("  Claude Code is not on PATH. Install it: " + NPM_INSTALL);
            out.add("             (or the native installer: " + NATIVE_INSTALL + ")");
            out.add("  Then run:  claude");
        } else {
            out.add("  Start it:  claude");
        }
        return out;
    }
}
