package dev.bedrocksetup.fs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Child process for {@link AtomicWriteCrashTest}: rewrites one file with ever new versions until killed. */
public final class CrashingWriterMain {
    private CrashingWriterMain() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        AtomicFileWriter writer = new AtomicFileWriter((step, temp, target) -> {
            // widen the windows where a kill lands mid-write
            if (step == AtomicFileWriter.Step.TEMP_WRITTEN || step == AtomicFileWriter.Step.TEMP_CREATED) {
                Thread.yield();
            }
        });
        for (int v = 1; ; v++) {
            writer.write(file, AtomicWriteCrashTest.version(v, size).getBytes(StandardCharsets.UTF_8), "rw-------",
                    "rwx------");
            System.out.println("wrote " + v);
            System.out.flush();
        }
    }
}
