package dev.bedrocksetup.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * bedrock-setup in a real terminal: a tmux pane of a given size on this test's own tmux server ({@code -L}, never the
 * user's or another test's), driven with send-keys and read with capture-pane. The command runs from a script in a
 * throw-away directory with exactly the variables given, prints {@code EXIT=<code>} when it ends and keeps the pane
 * open for reading.
 */
public final class TmuxTerminal implements AutoCloseable {
    /** Generous: seven sessions share two cores, and a JVM starting under that load takes its time. */
    private static final long WAIT_SECONDS = 60;

    private final Path dir;
    private final String server;
    private Path stderrFile;

    public TmuxTerminal(Path dir) {
        ExternalTools.requireCommand("tmux", "apt-get install tmux");
        this.dir = dir;
        this.server = "bst" + ProcessHandle.current().pid() + "x" + System.nanoTime() % 1000000;
    }

    /**
     * Starts {@code bedrock-setup args} in a pane {@code columns} wide and {@code rows} high. The pane has TERM
     * xterm-256color, no locale variables and no display unless {@code env} sets them (a value of null unsets).
     */
    public void start(int columns, int rows, Map<String, String> env, String... args) throws Exception {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("TERM", "xterm-256color");
        vars.put("PATH", "/usr/bin:/bin");
        vars.putAll(env);
        // bash: a Ctrl-C the command handles (a plain terminal's SIGINT) leaves the script running to say the exit
        // code, as an interactive shell does; dash would end with it
        StringBuilder script = new StringBuilder("#!/bin/bash\ncd '" + dir + "'\n"); // never the checkout
        script.append("unset LANG LC_ALL LC_CTYPE NO_COLOR COLUMNS LINES DISPLAY WAYLAND_DISPLAY BROWSER\n");
        vars.forEach((name, value) -> script.append(value == null ? "unset " + name + "\n"
                : "export " + name + "='" + value.replace("'", "'\\''") + "'\n"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // as the launchers start it on Java 22+ (jline's terminal calls System.load: four warnings otherwise)
        String nativeAccess = Runtime.version().feature() >= 22 ? " --enable-native-access=ALL-UNNAMED" : "";
        script.append("'").append(java).append("'").append(nativeAccess).append(" -cp '")
                .append(System.getProperty("java.class.path")).append("' dev.bedrocksetup.Main");
        for (String a : args) {
            script.append(" '").append(a.replace("'", "'\\''")).append("'");
        }
        if (stderrFile != null) {
            script.append(" 2>'").append(stderrFile).append("'");
        }
        script.append("\necho EXIT=$?\nsleep 120\n");
        Path file = Files.createTempFile(dir, "run", ".sh");
        Files.writeString(file, script);
        file.toFile().setExecutable(true);
        tmux("new-session", "-d", "-s", "t", "-x", String.valueOf(columns), "-y", String.valueOf(rows),
                file.toString());
    }

    /** The next start sends the command's stderr to {@code file} instead of the terminal. */
    public void stderrTo(Path file) {
        this.stderrFile = file;
    }

    private String tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", server));
        cmd.addAll(List.of(args));
        return ExternalTools.run(cmd, Map.of(), 20).output;
    }

    /** The pane and up to 500 rows that scrolled off, as text. */
    public String screen() {
        return tmux("capture-pane", "-t", "t", "-p", "-S", "-500");
    }

    /** The pane and its scrollback with the rows the terminal wrapped joined again: the lines as printed. */
    public String lines() {
        return tmux("capture-pane", "-t", "t", "-p", "-J", "-S", "-500");
    }

    /** Only the rows the pane shows now. */
    public String visible() {
        return tmux("capture-pane", "-t", "t", "-p");
    }

    /** The pane and its scrollback with the colour and attribute codes the program drew ({@code capture-pane -e}). */
    public String screenWithEscapes() {
        return tmux("capture-pane", "-t", "t", "-p", "-e", "-S", "-500");
    }

    /** Waits until the pane (with scrollback) shows {@code text}; returns the screen then. */
    public String await(String text) throws InterruptedException {
        return awaitThat(text, s -> s.contains(text));
    }

    /** Waits until {@code test} holds for the pane with its scrollback; {@code what} names it for the failure. */
    public String awaitThat(String what, java.util.function.Predicate<String> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            String s = screen();
            if (test.test(s)) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the screen never showed '" + what + "':\n" + screen());
    }

    /** Named keys (Enter, Escape, Up, End, C-u, ...) one at a time, a moment apart, as a person presses them. */
    public void keys(String... keys) throws InterruptedException {
        for (String k : keys) {
            tmux("send-keys", "-t", "t", k);
            Thread.sleep(150);
        }
    }

    /** Keys in one burst, as a quick typist sends them. */
    public void burst(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "t"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** Text typed literally. */
    public void type(String text) throws InterruptedException {
        tmux("send-keys", "-t", "t", "-l", text);
        Thread.sleep(150);
    }

    @Override
    public void close() {
        tmux("kill-server");
    }
}
