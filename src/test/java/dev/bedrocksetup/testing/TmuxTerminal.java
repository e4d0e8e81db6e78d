package dev.bedrocksetup.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * bedrock-setup in a real terminal: the program (the test class path's Main, as the launcher starts it) runs under
 * tmux on this object's own tmux server ({@code -L}, never the user's), in {@code dir} as home and project, with the
 * stand-in's endpoints; driven with send-keys and read with capture-pane. Close it to kill the server.
 */
public final class TmuxTerminal implements AutoCloseable {
    private final String socket = "bst" + ProcessHandle.current().pid() + "t" + System.nanoTime() % 100000;

    /** Starts {@code bedrock-setup ARGS} in a 200x50 terminal; the screen ends with "EXIT=n" when it has ended. */
    public static TmuxTerminal start(Path dir, Map<String, String> endpoints, String... args) throws Exception {
        ExternalTools.requireCommand("tmux", "apt-get install tmux");
        TmuxTerminal t = new TmuxTerminal();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder exports = new StringBuilder("export");
        endpoints.forEach((name, value) -> exports.append(' ').append(name).append("='").append(value).append('\''));
        Path script = dir.resolve("terminal.sh");
        Files.writeString(script, "#!/bin/sh\ncd '" + dir + "'\n"
                + "export HOME='" + dir + "' BEDROCK_SETUP_MANAGED_SETTINGS='" + dir.resolve("managed.json") + "'\n"
                + exports + "\nunset LANG LC_ALL LC_CTYPE DISPLAY WAYLAND_DISPLAY BROWSER\n"
                + "export LANG=C.UTF-8 TERM=xterm-256color PATH=/usr/bin:/bin\n"
                + "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' dev.bedrocksetup.Main"
                + (args.length == 0 ? "" : " '" + String.join("' '", args) + "'") + "\n"
                + "echo EXIT=$?\nsleep 120\n");
        script.toFile().setExecutable(true);
        t.tmux("new-session", "-d", "-s", "main", "-x", "200", "-y", "50", script.toString());
        return t;
    }

    private String tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        return ExternalTools.run(cmd, Map.of(), 20).output;
    }

    /** The screen and its scroll-back. */
    public String screen() {
        return tmux("capture-pane", "-t", "main", "-p", "-S", "-300");
    }

    /** Waits up to 60 s for a screen that {@code done} accepts; returns it. */
    public String await(java.util.function.Predicate<String> done, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String s = screen();
            if (done.test(s)) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the screen never showed " + what + ":\n" + screen());
    }

    public void keys(String... keys) throws Exception {
        for (String k : keys) {
            tmux("send-keys", "-t", "main", k);
            Thread.sleep(150);
        }
    }

    public void type(String text) throws Exception {
        tmux("send-keys", "-t", "main", "-l", text);
        Thread.sleep(150);
    }

    @Override
    public void close() {
        tmux("kill-server");
    }
}
