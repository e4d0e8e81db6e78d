package dev.bedrocksetup.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a real child JVM on the test class path: for crashes and concurrent writers. */
public final class ChildJvm {
    private ChildJvm() {}

    public static Process start(Path logFile, Class<?> main, String... args) throws IOException {
        return start(logFile, List.of(), main, args);
    }

    /** The same, with extra JVM options before the class path. */
    public static Process start(Path logFile, List<String> jvmOptions, Class<?> main, String... args)
            throws IOException {
        return start(logFile, jvmOptions, java.util.Map.of(), main, args);
    }

    /** The same, with these environment variables set over the test's own (HOME, to keep a child off the real one). */
    public static Process start(Path logFile, List<String> jvmOptions, java.util.Map<String, String> environment,
            Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xshare:auto");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path") + File.pathSeparator + System.getProperty("surefire.test.class.path", ""));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(environment);
        pb.redirectErrorStream(true);
        pb.redirectOutput(logFile.toFile());
        return pb.start();
    }
}
