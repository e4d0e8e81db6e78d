package dev.bedrocksetup.fs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process for {@link AtomicWriteCrashTest}: rewrites one file with ever new versions until killed. With a
 * step name as third argument it announces reaching that step of its third write ("paused STEP v") and waits there
 * to be killed, so a kill lands at a known point of a write.
 */
public final class CrashingWriterMain {
    private CrashingWriterMain() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        AtomicFileWriter.Step pauseAt = args.length > 2 ? AtomicFileWriter.Step.valueOf(args[2]) : null;
        int[] current = {0};
        AtomicFileWriter writer = new AtomicFileWriter((step, temp, target) -> {
            if (step == pauseAt && current[0] == 3) {
                System.out.println("paused " + step + " " + current[0]);
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        for (int v = 1; ; v++) {
            current[0] = v;
            writer.write(file, AtomicWriteCrashTest.version(v, size).getBytes(StandardCharsets.UTF_8), "rw-------",
                    "rwx------");
            System.out.println("wrote " + v);
            System.out.flush();
        }
    }
}
