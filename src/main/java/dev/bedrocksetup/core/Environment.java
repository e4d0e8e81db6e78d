package dev.bedrocksetup.core;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the tool reads from the process it runs in: variables, home, working directory, operating system and
 * clock. Every component takes its locations from here, so tests run in temporary directories with no global state.
 */
public final class Environment {
    /** The operating systems whose paths differ. */
    public enum Os { LINUX, MACOS, WINDOWS }

    private final Map<String, String> variables;
    private final Path home;
    private final Path workingDirectory;
    private final Os os;
    private final Clock clock;

    public Environment(Map<String, String> variables, Path home, Path workingDirectory, Os os, Clock clock) {
        this.variables = Collections.unmodifiableMap(copy(variables, os));
        this.home = home.toAbsolutePath().normalize();
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.os = os;
        this.clock = clock;
    }

    /** Windows variable names ignore case ("ProgramFiles", "PROGRAMFILES"): the copy must too, as getenv does. */
    private static Map<String, String> copy(Map<String, String> variables, Os os) {
        Map<String, String> copy = os == Os.WINDOWS ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER) : new HashMap<>();
        copy.putAll(variables);
        return copy;
    }

    /** The real process environment. HOME first (as the SDKs do), USERPROFILE on Windows, then user.home. */
    public static Environment system() {
        Map<String, String> vars = System.getenv();
        Os os = osFromName(System.getProperty("os.name", "linux"));
        return new Environment(vars, resolveHome(vars, os, System.getProperty("user.home")),
                Paths.get("").toAbsolutePath(), os, Clock.systemUTC());
    }

    /** A test environment rooted at {@code home}, with the given variables only. */
    public static Environment forTest(Path home, Map<String, String> variables) {
        return new Environment(variables, home, home, Os.LINUX, Clock.systemUTC());
    }

    static Path resolveHome(Map<String, String> vars, Os os, String userHome) {
        String home = vars.get("HOME");
        if ((home == null || home.isBlank()) && os == Os.WINDOWS) {
            home = vars.get("USERPROFILE");
            if (home == null || home.isBlank()) {
                String drive = vars.get("HOMEDRIVE");
                String path = vars.get("HOMEPATH");
                if (drive != null && path != null) {
                    home = drive + path;
                }
            }
        }
        if (home == null || home.isBlank()) {
            home = userHome;
        }
        return Paths.get(home);
    }

    public static Os osFromName(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("windows")) {
            return Os.WINDOWS;
        }
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return Os.MACOS;
        }
        return Os.LINUX;
    }

    /** A variable's value, or null when unset. An empty value is returned as empty. */
    public String get(String name) {
        return variables.get(name);
    }

    /** A variable's value when set and not blank, else null. */
    public String nonBlank(String name) {
        String v = variables.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    public Map<String, String> variables() {
        return variables;
    }

    public Path home() {
        return home;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    public Os os() {
        return os;
    }

    public Clock clock() {
        return clock;
    }

    /** Where bedrock-setup keeps its own state: journal, backups, locks. */
    public Path stateDirectory() {
        return home.resolve(".bedrock-setup");
    }

    public Environment withVariables(Map<String, String> extra) {
        Map<String, String> merged = copy(variables, os);
        merged.putAll(extra);
        return new Environment(merged, home, workingDirectory, os, clock);
    }

    public Environment withWorkingDirectory(Path dir) {
        return new Environment(variables, home, dir, os, clock);
    }

    public Environment withOs(Os newOs) {
        return new Environment(variables, home, workingDirectory, newOs, clock);
    }

    public Environment withClock(Clock newClock) {
        return new Environment(variables, home, workingDirectory, os, newClock);
    }
}
