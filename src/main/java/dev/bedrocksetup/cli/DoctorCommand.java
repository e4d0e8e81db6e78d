package dev.bedrocksetup.cli;

import dev.bedrocksetup.claude.ClaudeInstallation;
import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.claude.SettingsService;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.ExitCode;
import dev.bedrocksetup.doctor.DoctorFixes;
import dev.bedrocksetup.doctor.Doctor;
import dev.bedrocksetup.doctor.DoctorInputs;
import dev.bedrocksetup.doctor.DoctorReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Diagnose a Claude-Code-on-Bedrock setup and say how to fix it.", "",
            "Exit 0 when nothing fails, 1 when a check fails."})
final class DoctorCommand extends BaseCommand {
    @Mixin
    JsonOption json;

    @Option(names = "--offline", description = "Skip every check that needs the network.")
    boolean offline;

    @Option(names = "--fix", description = "Apply the fixes that can be applied safely (shown as a diff first).")
    boolean fix;

    @Mixin
    ProjectDirOption projectDir;

    @Mixin
    ApplyOptions apply;

    @Override
    public Integer call() {
        CliContext ctx = ctx();
        if (fix && json.on()) {
            throw BedrockSetupException.usage("--fix and --json do not go together",
                    "run doctor --fix first, then doctor --json");
        }
        if (fix && !apply.yes() && !apply.dryRun() && !ctx.interactive) {
            throw BedrockSetupException.usage("--fix changes files and no terminal is attached to confirm it",
                    "add --yes to apply the fixes, or --dry-run to preview them");
        }
        if (fix) {
            SettingsLocations.requireExistingProject(ctx.env, projectDir.given());
        }
        DoctorReport report = diagnose(ctx);
        CommandSetup.announce(ctx, report.effective);
        if (fix) {
            report = fix(ctx, report);
        }
        if (json.on()) {
            ctx.out.print(report.toJson());
            ctx.out.flush();
        } else {
            ctx.err.print(report.toText(ctx.style));
            ctx.err.flush();
        }
        return report.hasFailures() ? ExitCode.PROBLEMS_FOUND : ExitCode.OK;
    }

    private DoctorReport diagnose(CliContext ctx) {
        DoctorInputs in = new DoctorInputs(ctx.env, new SettingsLocations(ctx.env, projectDir.given()),
                () -> ClaudeInstallation.find(ctx.env));
        return Doctor.run(in, offline);
    }

    /**
     * Shows the safe fixes as a diff, applies them once confirmed, and diagnoses again; a fix can make another
     * possible (a region set lets a model prefix be corrected), so up to three rounds.
     */
    private DoctorReport fix(CliContext ctx, DoctorReport report) {
        for (int round = 0; round < 3; round++) {
            DoctorFixes fixes = new DoctorFixes(report);
            if (fixes.isEmpty()) {
                if (round == 0) {
                    ctx.err.println("No safe automatic fixes for these findings; each shows its fix below.");
                }
                return report;
            }
            DoctorReport next = fixRound(ctx, report, fixes);
            if (next == report) {
                return report; // declined
            }
            report = next;
        }
        return report;
    }

    private DoctorReport fixRound(CliContext ctx, DoctorReport report, DoctorFixes fixes) {
        SettingsService service = new SettingsService(ctx.env, ctx.applier());
        ctx.err.println("Safe fixes:");
        for (String d : fixes.descriptions()) {
            ctx.err.println("  - " + d);
        }
        for (SettingsService.InitOutcome o : fixes.apply(service, projectDir.given(), true)) {
            ctx.out.print(dev.bedrocksetup.core.Secrets.redact(o.change.diff()));
        }
        ctx.out.flush();
        if (apply.dryRun()) {
            ctx.err.println("Dry run: nothing was written.");
            return report;
        }
        if (!apply.yes()) {
            ctx.err.print("Apply these changes? [y/N] ");
            ctx.err.flush();
            if (!ResetCommand.confirmed(ctx)) {
                ctx.err.println("Nothing was changed.");
                return report;
            }
        }
        fixes.apply(service, projectDir.given(), false);
        ctx.err.println(ctx.style.ok("Applied.") + " Undo with: bedrock-setup reset. Checking again.");
        ctx.err.println();
        return diagnose(ctx);
    }
}
