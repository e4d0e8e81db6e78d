package dev.bedrocksetup.cli;

import dev.bedrocksetup.claude.ClaudeInstallation;
import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Trace;
import dev.bedrocksetup.doctor.Doctor;
import dev.bedrocksetup.doctor.DoctorInputs;
import java.util.Set;

/**
 * {@code doctor}'s online checks started at JVM start, before picocli builds and parses its command line: with a
 * second's latency per AWS call, the calls leave as early as they can, and picocli, the settings' reading and the
 * offline checks run while they wait (docs/performance.md, decision 0046). Only for a command line whose meaning is
 * plain without picocli: {@code doctor} and the flags that change how the report is shown, not what is checked; the
 * command then takes over what was started when its environment is the one given here, and starts its own otherwise.
 */
public final class DoctorEarlyStart {
    private DoctorEarlyStart() {}

    /** The flags that leave the inputs as they are (no --offline, --fix, --project-dir, --help). */
    private static final Set<String> SHOWING_ONLY = Set.of("--all", "--verbose", "--no-color", "--json");

    private static Environment env;
    private static DoctorInputs inputs;

    /** Starts the online checks of {@code doctor ARGS} in {@code env}, when the arguments are plainly that. */
    public static synchronized void startFor(Environment environment, String[] args) {
        if (args.length == 0 || !"doctor".equals(args[0])) {
            return;
        }
        for (int i = 1; i < args.length; i++) {
            if (!SHOWING_ONLY.contains(args[i])) {
                return;
            }
        }
        try {
            DoctorInputs in = new DoctorInputs(environment, new SettingsLocations(environment, null),
                    () -> ClaudeInstallation.find(environment));
            Trace.mark("doctor: settings read");
            Doctor.startOnline(in);
            env = environment;
            inputs = in;
            Trace.mark("doctor: online checks started before the command line");
            Doctor.awaitCallsReady(in); // picocli's model and the offline checks then run while the calls wait
            Trace.mark("doctor: AWS calls ready");
            Trace.threads();
        } catch (RuntimeException e) {
            // an unreadable settings file and the like: the command meets it again and reports it
        }
    }

    /** The inputs whose online checks were started for this environment and the current project, once; else null. */
    static synchronized DoctorInputs take(Environment environment, java.nio.file.Path projectDir) {
        DoctorInputs in = environment == env && projectDir == null ? inputs : null;
        env = null;
        inputs = null;
        return in;
    }
}
