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
import dev.bedrocksetup.doctor.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Diagnose a Claude-Code-on-Bedrock setup and say how to fix it.", "",
            "Shows the effective configuration, then each failure and warning with its",
            "fix, then one line naming the failing checks; --all shows every check.",
            "The report goes to stdout (doctor | grep FAIL), progress to stderr.", "",
            "Exit 0 when nothing fails, 1 when a check fails."})
final class DoctorCommand extends BaseCommand {
    @Mixin
    JsonOption json;

    @Option(names = "--offline", description = "Skip every check that needs the network.")
    boolean offline;

    @Option(names = "--all", description = "Show every check, passed and skipped ones too, each group as soon as its "
            + "checks are done (also: --verbose).")
    boolean all;

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
        dev.bedrocksetup.core.Trace.mark("doctor command runs");
        DoctorInputs in = inputs(ctx);
        dev.bedrocksetup.core.Trace.mark("doctor inputs read");
        CommandSetup.announce(ctx, in.effective);
        boolean everyCheck = all || ctx.verbose;
        if (fix || json.on()) {
            DoctorReport report = Doctor.run(in, offline);
            if (fix) {
                report = fix(ctx, report);
            }
            ctx.out.print(json.on() ? report.toJson() : everyCheck ? report.toText(ctx.style)
                    : report.toProblemsText(ctx.style));
            ctx.out.flush();
            return report.hasFailures() ? ExitCode.PROBLEMS_FOUND : ExitCode.OK;
        }
        DoctorReport report = everyCheck ? everyCheck(ctx, in) : problemsOnly(ctx, in);
        return report.hasFailures() ? ExitCode.PROBLEMS_FOUND : ExitCode.OK;
    }

    /** Every check, each group printed as soon as its checks are done (the online ones take a round trip or more). */
    private DoctorReport everyCheck(CliContext ctx, DoctorInputs in) {
        ctx.out.print(DoctorReport.effectiveText(in.effective, ctx.style, true));
        ctx.out.flush();
        DoctorReport report = Doctor.run(in, offline, (group, findings) -> {
            ctx.out.print(DoctorReport.groupText(ctx.style, group, findings));
            ctx.out.flush();
        });
        ctx.out.print(report.countsText());
        ctx.out.flush();
        return report;
    }

    /**
     * The effective configuration at once, the problems at the end; meanwhile, on a terminal, a progress line on
     * stderr names the group the report waits for.
     */
    private DoctorReport problemsOnly(CliContext ctx, DoctorInputs in) {
        ctx.out.print(DoctorReport.effectiveText(in.effective, ctx.style, false));
        ctx.out.flush();
        DoctorReport report;
        try (ProgressLine progress = new ProgressLine(ctx)) {
            report = Doctor.run(in, offline, new Doctor.Progress() {
                @Override
                public void groupDone(String group, java.util.List<Finding> findings) {}

                @Override
                public void waitingFor(String group) {
                    progress.show("Checking " + group + ctx.style.ellipsis());
                }
            });
        }
        ctx.out.print(report.problemsText(ctx.style) + report.summaryText(ctx.style));
        ctx.out.flush();
        return report;
    }

    private DoctorInputs inputs(CliContext ctx) {
        DoctorInputs started = offline || fix ? null : DoctorEarlyStart.take(ctx.env, projectDir.given());
        if (started != null) {
            return started;
        }
        return new DoctorInputs(ctx.env, new SettingsLocations(ctx.env, projectDir.given()),
                () -> ClaudeInstallation.find(ctx.env));
    }

    private DoctorReport diagnose(CliContext ctx) {
        return Doctor.run(inputs(ctx), offline);
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
