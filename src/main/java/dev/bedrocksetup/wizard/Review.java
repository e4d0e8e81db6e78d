package dev.bedrocksetup.wizard;

import dev.bedrocksetup.awsconfig.AwsConfigEdit;
import dev.bedrocksetup.claude.SettingsService;
import dev.bedrocksetup.core.Secrets;
import dev.bedrocksetup.setup.NextSteps;
import dev.bedrocksetup.setup.SsoProfileSetup;
import java.time.Duration;
import java.util.List;

/**
 * The end of the wizard: the summary and every change as a diff. No change: says so and asks nothing. A dry run:
 * says nothing was written and writes nothing. Otherwise one confirmation (default No), then all or nothing.
 */
final class Review {
    boolean run(WizardState s) {
        boolean vscode = s.request.flag("vscode");
        s.ask.say("");
        s.ask.say("Summary: " + (s.apiKey != null ? "Bedrock API key" : s.useAmbient ? "the shell's access keys"
                : "profile " + s.profile) + ", region " + s.region + ", model " + s.model + ", scope "
                + s.scope.label());
        AwsConfigEdit profileEdit = profileEdit(s, true);
        boolean changes = profileEdit != null && profileEdit.changesAnything();
        if (profileEdit != null) {
            s.ask.say(profileEdit.change().diff(), Prompter.Tone.DIFF);
        }
        List<SettingsService.InitOutcome> outcomes = s.settings.applyInit(s.scope, s.projectDir, s.wanted(), vscode,
                true);
        for (SettingsService.InitOutcome outcome : outcomes) {
            changes |= !outcome.keyChanges.isEmpty();
            String diff = outcome.change.diff();
            s.ask.say(Secrets.redact(s.apiKey == null ? diff : diff.replace(s.apiKey, Secrets.mask(s.apiKey))),
                    Prompter.Tone.DIFF);
        }
        if (!changes) {
            s.ask.say(s.marks.check() + " " + outcomes.get(0).change.path()
                    + " already has these settings; nothing to change.");
            return false;
        }
        if (s.dryRun) {
            s.ask.say("Dry run: nothing was written. Run without --dry-run to apply.");
            return false;
        }
        if (!s.ask.confirm("Apply these changes?", false)) {
            s.ask.say("Nothing was changed.");
            return false;
        }
        AwsConfigEdit profileWritten = profileEdit(s, false);
        // all or nothing: when the settings cannot be written, the profile written just before is taken back
        s.config.takeBackIfFails(profileWritten, () -> s.settings.applyInit(s.scope, s.projectDir, s.wanted(), vscode,
                false));
        s.ask.say(s.marks.check() + " Done. Restart Claude Code for the change to take effect.");
        NextSteps.lines(s.env, s.newProfile != null ? " --remove-profile" : "").forEach(s.ask::say);
        return true;
    }

    /** The edit of ~/.aws/config the answers need (a new profile, a migration), or null when they need none. */
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
