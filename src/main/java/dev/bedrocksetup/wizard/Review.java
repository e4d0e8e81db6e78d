package dev.bedrocksetup.wizard;

import dev.bedrocksetup.awsconfig.AwsConfigEdit;
import dev.bedrocksetup.bedrock.ClaudeModelName;
import dev.bedrocksetup.bedrock.RegionPrefix;
import dev.bedrocksetup.claude.BedrockSettings;
import dev.bedrocksetup.claude.SettingsService;
import dev.bedrocksetup.core.Secrets;
import dev.bedrocksetup.setup.NextSteps;
import dev.bedrocksetup.setup.SsoProfileSetup;
import java.time.Duration;
import java.util.List;

/**
 * The end of the wizard, rustup's pattern: every answer the questions did not ask is taken from today's defaults
 * (the setting in force, else bedrock-setup's default), and the summary shows them all with every change as a diff,
 * then one question: Proceed, Customize (the rest of the questions, opening on the summary's values, then the
 * summary again) or Cancel. Proceed with no change says so; on a dry run it writes nothing; otherwise it applies all
 * or nothing (decision 0037).
 */
final class Review {
    static final String QUESTION = "Proceed with these settings?";
    static final String PROCEED = "Proceed";
    static final String CUSTOMIZE = "Customize";
    static final String CANCEL = "Cancel";

    /** What Customize asks, in order; each takes its default silently when not customizing. */
    private static final List<Wizard.Step> CUSTOMIZABLE = List.of(new NamesStep(), new FastModelStep(),
            new FableStep(), new OneMillionStep(), new PrefixStep(), new CredentialsStep(), new RefreshStep(),
            new TokensStep(), new ScopeStep(), new AdvancedStep());

    boolean run(WizardState s) {
        s.customizing = false;
        for (Wizard.Step step : CUSTOMIZABLE) {
            if (!(step instanceof FastModelStep)) { // the model step took the fast model's default already
                step.run(s);
            }
        }
        boolean vscode = s.request.flag("vscode");
        while (true) {
            List<SettingsService.InitOutcome> outcomes = s.settings.applyInit(s.scope, s.projectDir, s.wanted(),
                    vscode, true);
            boolean changes = showSummaryAndDiff(s, outcomes);
            if (!changes) {
                s.ask.say(s.marks.check() + " " + outcomes.get(0).change.path()
                        + " already has these settings; nothing to change.");
            }
            String proceed = PROCEED + (!changes ? "  (nothing to change)" : s.dryRun
                    ? "  (dry run: write nothing)" : "  (write these changes)");
            int pick = s.ask.select(QUESTION, List.of(proceed, CUSTOMIZE + "  (change any of the answers above)",
                    CANCEL + "  (write nothing)"), 0);
            if (pick == 2) {
                s.ask.say("Nothing was changed.");
                return false;
            }
            if (pick == 1) {
                s.customizing = true;
                for (Wizard.Step step : CUSTOMIZABLE) {
                    step.run(s);
                }
                s.customizing = false;
                continue;
            }
            if (!changes) {
                return false;
            }
            if (s.dryRun) {
                s.ask.say("Dry run: nothing was written. Run without --dry-run to apply.");
                return false;
            }
            String modeNote = s.accessKeys == null ? null : s.config.credentialsModeNote();
            if (modeNote != null) {
                s.ask.say("! " + modeNote);
            }
            List<AwsConfigEdit> written = profileEdits(s, false);
            AwsConfigEdit profileWritten = written.isEmpty() ? null : written.get(0);
            // all or nothing: when the settings cannot be written, the profile written just before is taken back
            s.config.takeBackIfFails(profileWritten, () -> s.settings.applyInit(s.scope, s.projectDir, s.wanted(),
                    vscode, false));
            NamesStep.carryToken(s);
            s.ask.say(s.marks.check() + " Done. Restart Claude Code for the change to take effect.");
            boolean created = s.newProfile != null || s.accessKeys != null;
            NextSteps.lines(s.env, created ? " --remove-profile" : "").forEach(s.ask::say);
            return true;
        }
    }

    /** Prints the summary and the diff of every file; true when anything would change. */
    private static boolean showSummaryAndDiff(WizardState s, List<SettingsService.InitOutcome> outcomes) {
        List<String> warnings = new java.util.ArrayList<>();
        BedrockSettings w = s.wanted(warnings::add);
        s.ask.say("");
        s.ask.say("Summary (Customize changes any of these):");
        row(s, "AWS profile", s.apiKey != null ? "none: a Bedrock API key" : s.useAmbient
                ? "none: the shell's access keys" : s.profile + (s.newProfile != null
                ? "  (new, SSO session " + s.newProfile.sessionName + ")" : s.accessKeys != null
                ? "  (new, an IAM user's access key)" : ""));
        row(s, "Bedrock region", s.region);
        row(s, "Primary model", named(w.model));
        row(s, "Fast model", w.haikuModel == null ? "Claude Code's default" : named(w.haikuModel));
        if (w.fableModel != null || s.request.currentText("fable-model") != null || s.modelIds.stream()
                .anyMatch(FableStep::isFable)) {
            row(s, "Fable model", shown(s, w.fableModel, "fable-model", "not pinned"));
        }
        if (!RegionPrefix.isGovCloud(s.region)) {
            row(s, "Region prefix", shown(s, w.regionPrefix, "region-prefix",
                    RegionPrefix.derived(s.region) + ". (derived from the region)"));
        }
        if (s.apiKey == null && !s.useAmbient) {
            row(s, "Credentials", w.credentials == BedrockSettings.CredentialsMode.EXPORT
                    ? "awsCredentialExport (Claude Code alone gets them)" : "AWS_PROFILE in settings env");
            row(s, "Tools' environment", Boolean.TRUE.equals(w.subprocessEnvScrub) || w.subprocessEnvScrub == null
                    && "true".equals(s.request.currentText("scrub-subprocess-env"))
                    ? "AWS credentials scrubbed (CLAUDE_CODE_SUBPROCESS_ENV_SCRUB)" : "not scrubbed");
        }
        if (s.sso) {
            row(s, "awsAuthRefresh", w.authRefresh == null ? "none" : switch (w.authRefresh) {
                case LOGIN -> "bedrock-setup login";
                case AWS_CLI -> "aws sso login";
                case NONE -> "none";
            });
        }
        row(s, "Token limits", w.maxOutputTokens == null && w.maxThinkingTokens == null ? "Claude Code's own"
                : "output " + w.maxOutputTokens + ", thinking " + w.maxThinkingTokens);
        row(s, "Service tier", shown(s, w.serviceTier, "service-tier", "Claude Code's default"));
        row(s, "Prompt caching", w.promptCaching != null ? w.promptCaching.label()
                : shown(s, null, "prompt-caching", "Claude Code's default"));
        row(s, "Settings file", s.scope.label() + "  " + outcomes.get(0).change.path());
        warnings.forEach(line -> s.ask.say("! " + line));
        s.ask.say("");
        boolean changes = false;
        for (AwsConfigEdit edit : profileEdits(s, true)) {
            changes |= edit.changesAnything();
            s.ask.say(edit.maskedDiff(), Prompter.Tone.DIFF);
        }
        for (SettingsService.InitOutcome outcome : outcomes) {
            changes |= !outcome.keyChanges.isEmpty();
            String diff = outcome.change.diff();
            s.ask.say(Secrets.redact(s.apiKey == null ? diff : diff.replace(s.apiKey, Secrets.mask(s.apiKey))),
                    Prompter.Tone.DIFF);
        }
        return changes;
    }

    private static void row(WizardState s, String name, String value) {
        s.ask.say("  " + String.format("%-19s", name) + value);
    }

    /** The value the wizard sets, else the one in force (the wizard leaves it), else what Claude Code does without. */
    private static String shown(WizardState s, String value, String key, String unset) {
        String current = s.request.currentText(key);
        return value != null ? value : current != null ? current + "  (in force, kept)" : unset;
    }

    /** "us.anthropic.claude-opus-4-6-v1  · Claude Opus 4.6". */
    private static String named(String id) {
        ClaudeModelName name = ClaudeModelName.parse(id);
        return name == null ? id : id + "  (Claude " + name.label() + (name.isLegacy() ? ", legacy)" : ")");
    }

    /** The edits of the ~/.aws files the answers need (a new profile, a migration); none when they need none. */
    private static List<AwsConfigEdit> profileEdits(WizardState s, boolean dryRun) {
        if (s.accessKeys != null) {
            return s.config.createStaticKeysProfile(s.accessKeys.withRegion(s.region), dryRun);
        }
        AwsConfigEdit edit = profileEdit(s, dryRun);
        return edit == null ? List.of() : List.of(edit);
    }

    private static AwsConfigEdit profileEdit(WizardState s, boolean dryRun) {
        if (s.newProfile != null) {
            SsoProfileSetup.Answers a = s.newProfile;
            a.region = s.region;
            a.skipLogin = true; // account and role are known: the login was at the profile step
            return new SsoProfileSetup(s.env, s.config, s.ask::say, s.browser, Duration.ofMinutes(1)).run(a, dryRun);
        }
        return s.migrate ? s.config.migrateLegacyProfile(s.profile, s.profile + "-sso", dryRun) : null;
    }
}
