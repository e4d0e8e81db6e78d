package dev.bedrocksetup.sso;

import dev.bedrocksetup.core.Environment;
import java.io.IOException;
import java.util.List;

/** Opens a URL for the user to log in. Tests play the browser by following the URL themselves. */
public interface Browser {
    /** Returns false when no browser could be started (the caller then prints the URL). */
    boolean open(String url);

    /**
     * Whether a browser can open on this machine: macOS and Windows yes; Linux only with a display (or BROWSER set).
     * SSH sessions and containers are headless: logins use a device code there.
     */
    static boolean canOpen(Environment env) {
        return env.os() != Environment.Os.LINUX || env.nonBlank("DISPLAY") != null
                || env.nonBlank("WAYLAND_DISPLAY") != null || env.nonBlank("BROWSER") != null;
    }

    /** The system's browser: xdg-open, open, or the Windows shell; never on a headless machine. */
    static Browser system(Environment env) {
        return url -> {
            List<String> cmd;
            switch (env.os()) {
                case MACOS:
                    cmd = List.of("open", url);
                    break;
                case WINDOWS:
                    cmd = List.of("rundll32", "url.dll,FileProtocolHandler", url);
                    break;
                default:
                    if (!canOpen(env)) {
                        return false; // headless: SSH, containers
                    }
                    cmd = List.of("xdg-open", url);
            }
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return p.isAlive() || p.exitValue() == 0;
            } catch (IOException e) {
                return false;
            }
        };
    }
}
