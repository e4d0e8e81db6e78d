package dev.bedrocksetup.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * `bedrock-setup init` in a real terminal: a tmux server of this test's own (-L, never the user's), running the CLI
 * from the test class path with the throw-away home and every AWS endpoint on the stand-in; driven with send-keys
 * and read with capture-pane. Close it to kill that server.
 */
public final class TmuxTerminal implements AutoCloseable {
    private final Path dir;
    private final StandInHome stand;
    private final String server = "bst" + ProcessHandle.current().pid() + "k" + System.nanoTime() % 100000;

    public TmuxTerminal(Path dir, StandInHome stand) {
        ExternalTools.requireCommand("tmux", "apt-get install tmux");
        this.dir = dir;
        this.stand = stand;
    }

    private String tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", server));
        cmd.addAll(List.of(args));
        return ExternalTools.run(cmd, Map.of(), 20).output;
    }

    /** Starts {@code bedrock-setup ARGS} in a 120x40 UTF-8 terminal; the pane ends with "EXIT=code". */
    public void start(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder exports = new StringBuilder("export");
        StandInHome.endpoints(stand.baseUri()).forEach((k, v) -> exports.append(' ').append(k).append("='")
                .append(v).append('\''));
        Path script = dir.resolve("run-tmux.sh");
        Files.writeString(script, "#!/bin/sh\ncd '" + dir + "'\n"
                + "export HOME='" + dir + "' BEDROCK_SETUP_MANAGED_SETTINGS='" + dir.resolve("managed.json") + "'\n"
                + exports + "\nunset LANG LC_ALL LC_CTYPE\nexport LANG=C.UTF-8\n"
                + "export TERM=xterm-256color PATH=/usr/bin:/bin\nunset DISPLAY WAYLAND_DISPLAY BROWSER\n"
                + "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' dev.bedrocksetup.Main"
                + (args.length == 0 ? "" : " '" + String.join("' '", args) + "'") + "\n"
                + "echo EXIT=$?\nsleep 60\n");
        script.toFile().setExecutable(true);
        tmux("new-session", "-d", "-s", "t", "-x", "120", "-y", "40", script.toString());
    }

    /** Everything the pane showed, its scrollback included. */
    public String screen() {
        return tmux("capture-pane", "-t", "t", "-p", "-S", "-");
    }

    /** The screen once it shows {@code text} (at most 30 s). */
    public String await(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String s = screen();
            if (s.contains(text)) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the screen never showed '" + text + "':\n" + screen());
    }

    /** Named keys (Enter, Escape, Down, C-c), one after another. */
    public void keys(String... keys) throws Exception {
        for (String k : keys) {
            tmux("send-keys", "-t", "t", k);
            Thread.sleep(150);
        }
    }

    /** Text typed as it is. */
    public void type(String text) throws Exception {
        tmux("send-keys", "-t", "t", "-l", text);
        Thread.sleep(150);
    }

    @Override
    public void close() {
        tmux("kill-server");
    }
}
