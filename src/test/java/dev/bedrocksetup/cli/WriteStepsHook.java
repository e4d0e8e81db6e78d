package dev.bedrocksetup.cli;

import dev.bedrocksetup.fs.AtomicFileWriter;

/** Lets tests outside this package inject a fault at a step of every write a command makes. */
public final class WriteStepsHook {
    private WriteStepsHook() {}

    public static void use(AtomicFileWriter.StepListener listener) {
        CliContext.writeSteps = listener;
    }

    public static void clear() {
        CliContext.writeSteps = (step, temp, target) -> { };
    }
}
