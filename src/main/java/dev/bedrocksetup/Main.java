package dev.bedrocksetup;

import dev.bedrocksetup.aws.Warmup;
import dev.bedrocksetup.cli.BedrockSetup;
import dev.bedrocksetup.cli.DoctorEarlyStart;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Trace;

/** Process entry: the real streams and environment go in, an exit code comes out. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Trace.mark("main");
        Warmup.startFor(args);
        Environment env = Environment.system();
        DoctorEarlyStart.startFor(env, args);
        int code = BedrockSetup.run(env, System.in, System.out, System.err, args);
        System.out.flush();
        System.err.flush();
        Trace.mark("exit " + code);
        Trace.threads();
        System.exit(code);
    }
}
