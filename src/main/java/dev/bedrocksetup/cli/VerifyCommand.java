package dev.bedrocksetup.cli;

import dev.bedrocksetup.claude.ClaudeInstallation;
import dev.bedrocksetup.claude.HeadlessClaude;
import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.ExitCode;
import dev.bedrocksetup.doctor.ClaudeAnswerCheck;
import dev.bedrocksetup.doctor.Doctor;
import dev.bedrocksetup.doctor.DoctorInputs;
import dev.bedrocksetup.doctor.DoctorReport;
import dev.bedrocksetup.doctor.Finding;
import dev.bedrocksetup.doctor.Status;
import dev.bedrocksetup.doctor.VerifyVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Fast pass/fail of the configured setup (exit 0 pass, 1 fail).", "",
            "The doctor's verdict: fails whenever a doctor check fails. Shows settings",
            "valid and Bedrock on, credentials resolve, AWS accepts them, each pinned",
            "model answers a one-token streaming call, then any other failed check. For",
            "the why and the fixes: bedrock-setup doctor.", "",
            "--with-claude then runs the installed Claude Code once, as it runs for you",
            "in the project directory: claude -p \"Reply with the single word: ok\",",
            "stdin closed, 90 s limit, your settings but a temporary CLAUDE_CONFIG_DIR",
            "(your ~/.claude.json, history and sessions stay untouched). It passes when",
            "Claude Code prints an answer (check claude.answer)."})
final class VerifyCommand extends BaseCommand {
    @Mixin
    JsonOption jsonOption;

    @Option(names = "--with-claude",
            description = "Also run the installed Claude Code once (claude -p, isolated) and check it gets an answer.")
    boolean withClaude;

    @Mixin
    ProjectDirOption projectDir;

    @Override
    public Integer call() {
        CliContext ctx = ctx();
        boolean json = jsonOption.on();
        SettingsLocations locations = new SettingsLocations(ctx.env, projectDir.given());
        if (withClaude && !Files.isDirectory(locations.projectDir())) {
            throw BedrockSetupException.usage("--with-claude runs Claude Code in the project directory, and "
                    + locations.projectDir() + " is not a directory", "give an existing directory with --project-dir");
        }
        // the doctor looks Claude Code up once; --with-claude then runs that one
        DoctorInputs inputs = new DoctorInputs(ctx.env, locations, () -> ClaudeInstallation.find(ctx.env));
        DoctorReport report = Doctor.run(inputs, false);
        CommandSetup.announce(ctx, report.effective);
        List<Finding> decisive = new ArrayList<>(VerifyVerdict.shown(report));
        boolean setupPasses = VerifyVerdict.passes(report);
        if (!json) {
            print(ctx, decisive);
        }
        if (withClaude) {
            Finding answer = ClaudeAnswerCheck.run(ctx.env, locations, inputs.claude(),
                    HeadlessClaude.DEFAULT_TIMEOUT);
            decisive.add(answer);
            if (!json) {
                print(ctx, List.of(answer));
            }
        }
        boolean pass = setupPasses && decisive.stream().noneMatch(f -> f.status == Status.FAIL);
        if (json) {
            ctx.out.print(VerifyVerdict.toJson(pass, report.claudeVersion, decisive));
            ctx.out.flush();
        } else {
            ctx.out.println(pass ? ctx.style.ok("PASS") : ctx.style.fail("FAIL") + "  (details: bedrock-setup doctor)");
            ctx.out.flush();
        }
        return pass ? ExitCode.OK : ExitCode.PROBLEMS_FOUND;
    }

    private static void print(CliContext ctx, List<Finding> findings) {
        for (Finding f : findings) {
            String mark = f.status == Status.FAIL ? ctx.style.cross() : f.status == Status.OK ? ctx.style.check()
                    : ctx.style.dim("-");
            ctx.out.println(mark + " " + f.title + ": " + f.detail);
            if (f.status == Status.FAIL && f.fix != null) {
                ctx.out.println("    fix: " + f.fix);
            }
        }
        ctx.out.flush();
    }
}
