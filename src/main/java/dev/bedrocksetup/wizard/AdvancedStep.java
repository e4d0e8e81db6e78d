package dev.bedrocksetup.wizard;

import java.util.List;

/**
 * The advanced group, collapsed even under Customize: Bedrock's service tier (ANTHROPIC_BEDROCK_SERVICE_TIER) and
 * how long Claude Code keeps its prompt cache. "Not set" leaves Claude Code's default (and a value in force as it is).
 */
final class AdvancedStep implements Wizard.Step {
    static final String QUESTION = "Change the advanced settings (service tier, prompt caching)?";
    static final String TIER = "Bedrock service tier (ANTHROPIC_BEDROCK_SERVICE_TIER)?";
    static final String CACHING = "Prompt caching?";

    @Override
    public void run(WizardState s) {
        boolean tierGiven = s.given("service-tier", TIER) != null;
        boolean cachingGiven = s.given("prompt-caching", CACHING) != null;
        if (!s.customizing) {
            s.serviceTier = null; // not set by the wizard: a value in force stays as it is
            s.promptCaching = null;
            return;
        }
        if (tierGiven && cachingGiven || !s.ask.confirm(QUESTION, false)) {
            return; // the answers so far stand
        }
        if (!tierGiven) {
            String tier = s.option(TIER, List.of("not set  (Claude Code's default)", "default  (standard)",
                    "flex  (cheaper, may be slower)", "priority  (faster, costs more)"),
                    List.of("", "default", "flex", "priority"), "service-tier", s.serviceTier, 0);
            s.serviceTier = tier.isEmpty() ? null : tier;
        }
        if (!cachingGiven) {
            String caching = s.option(CACHING, List.of("not set  (Claude Code's default, 5 minutes)",
                    "1h  (ENABLE_PROMPT_CACHING_1H: cache for an hour)", "5m  (FORCE_PROMPT_CACHING_5M)",
                    "off  (DISABLE_PROMPT_CACHING)"), List.of("", "1h", "5m", "off"), "prompt-caching",
                    s.promptCaching, 0);
            s.promptCaching = caching.isEmpty() ? null : caching;
        }
    }
}
