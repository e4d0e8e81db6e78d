package dev.bedrocksetup;

import dev.bedrocksetup.aws.Warmup;
import dev.bedrocksetup.cli.BedrockSetup;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Trace;

/** Process entry: the real streams and environment go in, an exit code comes out. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Trace.mark("main");
        Warmup.startFor(args);
        int code = BedrockSetup.run(Environment.system(), System.in, System.out, System.err, args);
        System.out.flush();
        System.err.flush();
        Trace.mark("exit " + code);
        System.exit(code);
    }
}
