package dev.bedrocksetup.testing;

import dev.bedrocksetup.cli.BedrockSetup;
import dev.bedrocksetup.cli.WriteStepsHook;
import dev.bedrocksetup.fs.AtomicFileWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Child process for the crash tests: runs one bedrock-setup command in the home {@code args[0]} and sends itself
 * SIGKILL when it reaches write step number {@code args[1]} (counting every step of every file it writes; -1: never,
 * and print how many steps there were). With {@code args[2]} other than "-", the write of the file of that name
 * fails (an injected IOException, as a full disk or a read-only directory would) when its temporary file is created.
 * The rest is the command line.
 */
public final class KillingCommandMain {
    private KillingCommandMain() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int killAt = Integer.parseInt(args[1]);
        String failing = args[2];
        int[] steps = {0};
        WriteStepsHook.use((step, temp, target) -> {
            steps[0]++;
            System.out.println("step " + steps[0] + " " + step + " " + target.getFileName());
            System.out.flush();
            if (steps[0] == killAt) {
                try {
                    new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).inheritIO().start()
                            .waitFor();
                    Thread.sleep(60_000); // the signal arrives before this ends
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (step == AtomicFileWriter.Step.TEMP_CREATED && target.getFileName().toString().equals(failing)) {
                throw new IOException("No space left on device (injected)");
            }
        });
        int code = BedrockSetup.run(new TempHome(home).env(), new ByteArrayInputStream(new byte[0]), System.out,
                System.out, false, Arrays.copyOfRange(args, 3, args.length));
        System.out.println("steps " + steps[0]);
        System.out.println("exit " + code);
        System.out.flush();
        System.exit(code);
    }
}
