package dev.bedrocksetup.cli;

import dev.bedrocksetup.claude.ClaudeInstallation;
import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.core.ExitCode;
import dev.bedrocksetup.doctor.Doctor;
import dev.bedrocksetup.doctor.DoctorInputs;
import dev.bedrocksetup.doctor.DoctorReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Diagnose a Claude-Code-on-Bedrock setup and say how to fix it.", "",
            "Exit 0 when nothing fails, 1 when a check fails."})
final class DoctorCommand extends BaseCommand {
    @Option(names = "--json", description = "Print the report as JSON on stdout (schema version 1).")
    boolean json;

    @Option(names = "--offline", description = "Skip every check that needs the network.")
    boolean offline;

    @Option(names = "--fix", description = "Apply the fixes that can be applied safely (shown as a diff first).")
    boolean fix;

    @Option(names = "--project-dir", paramLabel = "DIR", description = "Project whose settings count (default: the current directory).")
    Path projectDir;

    @Override
    public Integer call() {
        CliContext ctx = ctx();
        if (fix) {
            throw notBuilt("'doctor --fix'", 7);
        }
        DoctorInputs in = new DoctorInputs(ctx.env, new SettingsLocations(ctx.env, projectDir),
                () -> ClaudeInstallation.find(ctx.env));
        DoctorReport report = Doctor.run(in, offline);
        if (json) {
            ctx.out.print(report.toJson());
            ctx.out.flush();
        } else {
            ctx.err.print(report.toText(ctx.style));
            ctx.err.flush();
        }
        return report.hasFailures() ? ExitCode.PROBLEMS_FOUND : ExitCode.OK;
    }
}
