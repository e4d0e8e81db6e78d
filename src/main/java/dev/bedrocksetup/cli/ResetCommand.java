package dev.bedrocksetup.cli;

import dev.bedrocksetup.awsconfig.AwsConfigReset;
import dev.bedrocksetup.awsconfig.AwsConfigService;
import dev.bedrocksetup.claude.EffectiveConfiguration;
import dev.bedrocksetup.claude.OtherProviders;
import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.claude.SettingsReset;
import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.claude.SettingsService;
import dev.bedrocksetup.claude.SettingsSnapshot;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.ExitCode;
import dev.bedrocksetup.sso.SsoProfiles;
import dev.bedrocksetup.sso.SsoSession;
import dev.bedrocksetup.sso.SsoTokenCache;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reset", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Undo exactly what bedrock-setup wrote.", "",
            "Each key goes back to the value it had before; a key changed since is left alone and reported."})
final class ResetCommand extends BaseCommand {
    @Option(names = "--scope", paramLabel = "SCOPE", split = ",", converter = ScopeConverter.class,
            completionCandidates = CompletionValues.Scopes.class,
            description = "Only these settings scopes: user, project, local, managed (default: everything).")
    List<SettingsScope> scopes;

    @Mixin
    ProjectDirOption projectDirOption;

    @Option(names = "--remove-profile", description = "Also remove the AWS profiles and sessions bedrock-setup created, "
            + "and the cached login of a session no profile uses any more (migrations and region edits are always undone).")
    boolean removeProfile;

    @Mixin
    ApplyOptions apply;

    @Override
    public Integer call() {
        CliContext ctx = ctx();
        Set<SettingsScope> wanted = scopes == null || scopes.isEmpty() ? EnumSet.noneOf(SettingsScope.class) : EnumSet.copyOf(scopes);
        Path projectDir = projectDirOption.given();
        boolean dryRun = apply.dryRun();
        boolean yes = apply.yes();
        dev.bedrocksetup.claude.SettingsLocations.requireExistingProject(ctx.env, projectDir);
        if (!dryRun && !yes && !ctx.interactive) {
            throw BedrockSetupException.usage("reset changes files and no terminal is attached to confirm it",
                    "add --yes to confirm, or --dry-run to preview");
        }
        dev.bedrocksetup.fs.ChangeApplier applier = ctx.applier();
        if (dryRun) {
            if (!applier.journal().pending().isEmpty()) {
                ctx.err.println(ctx.style.warn("note: ") + "an earlier bedrock-setup run was stopped while writing; "
                        + "the next reset (or init) finishes or rolls it back before anything else.");
            }
        } else {
            applier.recover(); // a change a killed run left half-done is settled before reset plans against it
        }
        SettingsService service = new SettingsService(ctx.env, applier);
        SettingsService.ResetOutcome preview = service.reset(wanted, projectDir, true);
        AwsConfigService aws = new AwsConfigService(ctx.env, ctx.applier());
        // a migration or region edit is always undone; a profile bedrock-setup created goes only with --remove-profile
        java.util.function.Predicate<java.util.Map<String, Object>> awsEntries = removeProfile ? e -> true
                : e -> !String.valueOf(e.get("action")).startsWith("create-"); // an SSO or an access-key profile
        List<AwsConfigReset.Result> awsPreview = aws.reset(awsEntries, true);
        if (preview.nothingToUndo() && awsPreview.isEmpty()) {
            ctx.err.println("Nothing to undo: the journal has no changes by bedrock-setup"
                    + (wanted.isEmpty() ? "" : " in those scopes") + ".");
            return ExitCode.OK;
        }
        if (dryRun) {
            print(ctx, preview, true);
            printAws(ctx, awsPreview, true);
            ctx.err.println("Dry run: nothing was written.");
            return ExitCode.OK;
        }
        if (!yes) {
            print(ctx, preview, true);
            printAws(ctx, awsPreview, true);
            ctx.err.print("Undo these changes? [y/N] ");
            ctx.err.flush();
            if (!confirmed(ctx)) {
                ctx.err.println("Nothing was changed.");
                return ExitCode.OK;
            }
        }
        SettingsService.ResetOutcome done = service.reset(wanted, projectDir, false);
        java.util.Map<String, SsoSession> loginsBefore = removeProfile ? SsoProfiles.sessionsInUse(ctx.env) : null;
        List<AwsConfigReset.Result> awsDone = aws.reset(awsEntries, false);
        print(ctx, done, false);
        printAws(ctx, awsDone, false);
        if (loginsBefore != null) {
            forgetUnusedLogins(ctx, loginsBefore);
        }
        boolean changed = done.files.stream().anyMatch(r -> r.change.changesAnything())
                || awsDone.stream().anyMatch(r -> r.change().changesAnything());
        if (!changed) {
            // every key was changed since (left alone, above), or another run undid it while this one waited
            ctx.err.println("Nothing was changed: no file had a value of bedrock-setup's left to put back.");
            return ExitCode.OK;
        }
        warnIfSeveralProvidersOn(ctx, projectDir);
        ctx.err.println("Restart Claude Code for the change to take effect.");
        return ExitCode.OK;
    }

    /**
     * Deletes the cached login (token and client registrations, with their secrets) of every sso-session that a
     * profile used before the reset and none uses after it: nothing else will use those secrets again.
     */
    private static void forgetUnusedLogins(CliContext ctx, java.util.Map<String, SsoSession> before) {
        java.util.Map<String, SsoSession> after = SsoProfiles.sessionsInUse(ctx.env);
        if (after == null) {
            return; // the config cannot be read: whether a login is still needed cannot be told
        }
        SsoTokenCache cache = new SsoTokenCache(ctx.env.home(), new dev.bedrocksetup.fs.AtomicFileWriter());
        for (java.util.Map.Entry<String, SsoSession> e : before.entrySet()) {
            if (e.getValue() != null && !after.containsKey(e.getKey()) && !cache.forget(e.getValue()).isEmpty()) {
                ctx.err.println(ctx.style.check() + " Removed the cached login of sso-session " + e.getKey()
                        + " from " + cache.directory());
            }
        }
    }

    /** Two providers on after the reset is never left unsaid (decision 0039). */
    private static void warnIfSeveralProvidersOn(CliContext ctx, Path projectDir) {
        String several = OtherProviders.stillOnAfterReset(EffectiveConfiguration.resolve(SettingsSnapshot.read(ctx.env,
                new SettingsLocations(ctx.env, projectDir)), ctx.env));
        if (several != null) {
            ctx.err.println(ctx.style.warn("warning: ") + several);
        }
    }

    static boolean confirmed(CliContext ctx) {
        try {
            String line = new BufferedReader(new InputStreamReader(ctx.in, StandardCharsets.UTF_8)).readLine();
            return line != null && (line.trim().equalsIgnoreCase("y") || line.trim().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void printAws(CliContext ctx, List<AwsConfigReset.Result> results, boolean diff) {
        for (AwsConfigReset.Result r : results) {
            if (diff) {
                ctx.out.print(ctx.style.diff(dev.bedrocksetup.core.Secrets.redact(r.change().diff())));
                ctx.out.flush();
            } else if (r.change().changesAnything()) {
                ctx.err.println(ctx.style.check() + " Restored " + r.change().path());
                for (String s : r.restored()) {
                    ctx.err.println("    " + dev.bedrocksetup.core.Secrets.redact(s));
                }
            }
            for (String s : r.leftAlone()) {
                ctx.err.println("    " + ctx.style.warn("left alone: ") + dev.bedrocksetup.core.Secrets.redact(s));
            }
        }
    }

    private static void print(CliContext ctx, SettingsService.ResetOutcome outcome, boolean diff) {
        for (SettingsReset.Result r : outcome.files) {
            if (diff) {
                ctx.out.print(ctx.style.diff(dev.bedrocksetup.core.Secrets.redact(r.change.diff())));
                ctx.out.flush();
            } else {
                String what = r.change.after() == null && r.change.before() != null ? "Removed " : "Restored ";
                if (r.change.changesAnything()) {
                    ctx.err.println(ctx.style.check() + " " + what + r.change.path());
                }
            }
            if (!diff) {
                for (String s : r.restored) {
                    ctx.err.println("    " + dev.bedrocksetup.core.Secrets.redact(s));
                }
            }
            for (String s : r.leftAlone) {
                ctx.err.println("    " + ctx.style.warn("left alone: ") + dev.bedrocksetup.core.Secrets.redact(s));
            }
        }
    }
}
