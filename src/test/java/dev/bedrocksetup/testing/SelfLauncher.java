package dev.bedrocksetup.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A {@code bedrock-setup} launcher another program can run, as the installed launcher would be: a shell script that
 * starts {@code dev.bedrocksetup.Main} on the test class path with the caller's environment. What it printed on
 * stdout is also appended to {@link #stdoutLog} so a test can compare it with what the caller did with it (the
 * file lives in the test's temporary directory).
 */
public final class SelfLauncher {
    public final Path script;
    public final Path stdoutLog;

    private SelfLauncher(Path script, Path stdoutLog) {
        this.script = script;
        this.stdoutLog = stdoutLog;
    }

    public static SelfLauncher create(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path script = dir.resolve("bedrock-setup");
        Path log = dir.resolve("stdout.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path") + File.pathSeparator
                + System.getProperty("surefire.test.class.path", "");
        String text = "#!/bin/sh\n"
                + "out=$('" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp '" + cp
                + "' dev.bedrocksetup.Main \"$@\")\n"
                + "rc=$?\n"
                + "printf '%s\\n' \"$out\" >> '" + log + "'\n"
                + "printf '%s\\n' \"$out\"\n"
                + "exit $rc\n";
        Files.writeString(script, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new SelfLauncher(script, log);
    }

    /** Runs {@code body} with the settings we write calling this launcher ({@code bedrock-setup.command}). */
    public <T> T asSelfCommand(Supplier<T> body) {
        String before = System.getProperty("bedrock-setup.command");
        System.setProperty("bedrock-setup.command", script.toString());
        try {
            return body.get();
        } finally {
            if (before == null) {
                System.clearProperty("bedrock-setup.command");
            } else {
                System.setProperty("bedrock-setup.command", before);
            }
        }
    }

    /** Everything the launcher printed on stdout so far ("" when it never ran). */
    public String printed() throws IOException {
        return Files.exists(stdoutLog) ? Files.readString(stdoutLog, StandardCharsets.UTF_8) : "";
    }
}
