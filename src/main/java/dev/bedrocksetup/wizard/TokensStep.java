package dev.bedrocksetup.wizard;

/**
 * Optional token limits; the default (the summary's) keeps Claude Code's own. Customize asks. Limits given by a flag
 * or the preset are not asked.
 */
final class TokensStep implements Wizard.Step {
    static final String QUESTION = "Set token limits (CLAUDE_CODE_MAX_OUTPUT_TOKENS, MAX_THINKING_TOKENS)?";

    @Override
    public void run(WizardState s) {
        String givenOutput = s.given("max-output-tokens", "CLAUDE_CODE_MAX_OUTPUT_TOKENS");
        String givenThinking = s.given("max-thinking-tokens", "MAX_THINKING_TOKENS");
        if (givenOutput != null || givenThinking != null) {
            s.maxOutput = givenOutput == null ? null : Integer.valueOf(givenOutput);
            s.maxThinking = givenThinking == null ? null : Integer.valueOf(givenThinking);
            return;
        }
        if (!s.customizing || !s.ask.confirm(QUESTION, s.maxOutput != null)) {
            s.maxOutput = null;
            s.maxThinking = null;
            return;
        }
        s.ask.say("  A cap of 4096 output tokens truncates answers on current models; 32000 or more is usual");
        s.maxOutput = Integer.valueOf(s.ask.text("CLAUDE_CODE_MAX_OUTPUT_TOKENS", s.maxOutput == null ? "32000"
                : s.maxOutput.toString(), v -> v.matches("[1-9][0-9]{0,6}") ? null : "a positive number, e.g. 32000"));
        int cap = s.maxOutput;
        s.maxThinking = Integer.valueOf(s.ask.text("MAX_THINKING_TOKENS (below " + cap + ")", s.maxThinking == null
                ? Integer.toString(Math.min(8000, cap / 2)) : s.maxThinking.toString(),
                v -> v.matches("[0-9]{1,7}") && Integer.parseInt(v) < cap ? null
                        : "a number below " + cap + " (thinking must stay below the output limit)"));
    }
}
