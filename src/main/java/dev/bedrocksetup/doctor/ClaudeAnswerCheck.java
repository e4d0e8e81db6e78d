package dev.bedrocksetup.doctor;

import dev.bedrocksetup.claude.ClaudeInstallation;
import dev.bedrocksetup.claude.HeadlessClaude;
import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.core.ChildProcess;
import dev.bedrocksetup.core.Environment;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code verify --with-claude}: does the installed Claude Code itself get an answer through this setup? Runs
 * {@code claude -p} once with {@link HeadlessClaude} (isolated config directory, the user's settings) and turns what
 * happened into one finding, {@code claude.answer}.
 */
public final class ClaudeAnswerCheck {
    public static final String ID = "claude.answer";
    public static final String GROUP = "Claude Code";
    public static final String TITLE = "Claude Code answers";
    public static final String INSTALL_FIX = "npm install -g @anthropic-ai/claude-code";
    public static final String FAIL_FIX = "bedrock-setup doctor";
    private static final int MAX_DETAIL = 200;

    private ClaudeAnswerCheck() {}

    public static Finding run(Environment env, SettingsLocations locations, ClaudeInstallation claude,
                              Duration timeout) {
        if (claude == null) {
            return new Finding(ID, GROUP, Status.FAIL, TITLE, "Claude Code is not installed (no 'claude' on PATH)",
                    INSTALL_FIX);
        }
        String who = "Claude Code" + (claude.version == null ? "" : " " + claude.version);
        ChildProcess.Outcome o;
        try {
            o = HeadlessClaude.run(env, claude.executable, locations.path(SettingsScope.USER),
                    locations.projectDir(), timeout);
        } catch (IOException e) {
            return new Finding(ID, GROUP, Status.FAIL, TITLE, "could not run " + claude.executable + ": "
                    + e.getMessage(), FAIL_FIX);
        }
        return judge(who, o, timeout);
    }

    /** The finding for one run's outcome (separate for tests). */
    static Finding judge(String who, ChildProcess.Outcome o, Duration timeout) {
        HeadlessClaude.Answer a = HeadlessClaude.parse(o);
        String secs = String.format(Locale.ROOT, "%.1f s", o.took().toMillis() / 1000.0);
        if (a.answered()) {
            String through = a.models().isEmpty() ? "" : " through " + String.join(", ", a.models());
            return new Finding(ID, GROUP, Status.OK, TITLE, who + " answered" + through + " in " + secs + ": \""
                    + clip(oneLine(a.text())) + "\"", null);
        }
        String said = a.error() == null ? null : clip(a.error());
        String detail;
        if (o.timedOut()) {
            detail = who + " gave no answer within " + timeout.toSeconds() + " s (stopped)"
                    + (said == null ? "" : "; last said: " + said);
        } else if (said == null) {
            detail = who + " exited " + o.exit() + " without an answer and printed nothing";
        } else {
            detail = who + " failed (exit " + o.exit() + "): " + said;
        }
        return new Finding(ID, GROUP, Status.FAIL, TITLE, detail, FAIL_FIX);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String clip(String s) {
        return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL - 1) + "…";
    }
}
