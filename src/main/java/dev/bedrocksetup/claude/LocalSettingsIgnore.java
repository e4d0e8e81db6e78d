package dev.bedrocksetup.claude;

import dev.bedrocksetup.core.ChildProcess;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.fs.FileChange;
import dev.bedrocksetup.fs.TextFile;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Keeps {@code .claude/settings.local.json} out of git the way Claude Code 2.1.330 does when it writes local
 * settings: unless git already ignores the file in the project, it appends {@code **}{@code /.claude/settings.local.json}
 * to the user's global excludes file ({@code core.excludesFile}, else {@code $XDG_CONFIG_HOME/git/ignore}, else
 * {@code ~/.config/git/ignore}), outside a repository too. The edit is journaled, so reset takes the line out again.
 */
public final class LocalSettingsIgnore {
    /** The journal kind of the excludes file's entry. */
    public static final String KIND = "git-excludes";
    /** The rule Claude Code writes. */
    static final String RULE = "**/.claude/settings.local.json";
    private static final String RELATIVE = ".claude/settings.local.json";
    private static final Duration GIT_DEADLINE = Duration.ofSeconds(10);

    private final Environment env;
    private final Path projectDir;

    public LocalSettingsIgnore(Environment env, Path projectDir) {
        this.env = env;
        this.projectDir = projectDir;
    }

    /** What git says about the local settings file in the project. */
    public enum GitState { NO_REPOSITORY, IGNORED, NOT_IGNORED, TRACKED }

    public GitState state() {
        return state(projectDir.resolve(RELATIVE));
    }

    /** What git says about {@code file} (of any repository it lies in). */
    public GitState state(Path file) {
        Path dir = existingDirectory(file.getParent());
        if (git(dir, "rev-parse", "--is-inside-work-tree") != 0) {
            return GitState.NO_REPOSITORY;
        }
        String name = dir.relativize(file).toString();
        if (git(dir, "ls-files", "--error-unmatch", "--", name) == 0) {
            return GitState.TRACKED; // ignore rules do not apply to a tracked file
        }
        return git(dir, "check-ignore", "-q", "--", name) == 0 ? GitState.IGNORED : GitState.NOT_IGNORED;
    }

    /** The global excludes file, found as Claude Code finds it. */
    public Path excludesFile() {
        String configured = gitOutput(existingDirectory(projectDir), "config", "--global", "--get",
                "core.excludesfile");
        String v = configured == null ? "" : configured.trim();
        if (v.equals("~") || v.startsWith("~/")) {
            return env.home().resolve(v.length() <= 2 ? "" : v.substring(2));
        }
        if (!v.isEmpty() && Paths.get(v).isAbsolute()) {
            return Paths.get(v);
        }
        String xdg = env.nonBlank("XDG_CONFIG_HOME");
        if (xdg != null && Paths.get(xdg).isAbsolute()) {
            return Paths.get(xdg, "git", "ignore");
        }
        return env.home().resolve(".config").resolve("git").resolve("ignore");
    }

    /**
     * The change that adds the rule to {@code excludes} (whose text is {@code current}), or null when git already
     * ignores the file or the rule is there. {@code settingsFile} is recorded so that resetting that file's scope
     * takes the rule out.
     */
    public FileChange plan(Path excludes, String current, Path settingsFile, GitState state) {
        if (state == GitState.IGNORED || current != null && current.contains(RULE)) {
            return null;
        }
        String added = current == null ? RULE + "\n" : "\n" + RULE + "\n";
        String after = (current == null ? "" : current) + added;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", KIND);
        entry.put("path", excludes.toString());
        entry.put("forSettings", settingsFile.toString());
        entry.put("created", current == null);
        entry.put("added", added);
        entry.put("afterSha256", TextFile.sha256(after));
        return new FileChange(excludes, excludes.toString(), current, after, "rw-r--r--", "rwxr-xr-x", entry);
    }

    /** Journal entries of this kind whose settings file passes {@code filter}, grouped by excludes file. */
    @SuppressWarnings("unchecked")
    static LinkedHashMap<Path, List<Map<String, Object>>> entriesByFile(List<Map<String, Object>> changeSets,
            Predicate<String> settingsFilter) {
        LinkedHashMap<Path, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (Map<String, Object> set : changeSets) {
            for (Map<String, Object> f : (List<Map<String, Object>>) set.get("files")) {
                if (Objects.equals(KIND, f.get("kind")) && settingsFilter.test((String) f.get("forSettings"))) {
                    out.computeIfAbsent(Paths.get((String) f.get("path")), k -> new ArrayList<>()).add(f);
                }
            }
        }
        return out;
    }

    /** The undo of {@code entries} (oldest first): our line taken out again; a file we created and nobody changed goes. */
    static SettingsReset.Result planUndo(Path path, String current, List<Map<String, Object>> entries) {
        String label = path.toString();
        String text = current;
        boolean delete = false;
        List<String> restored = new ArrayList<>();
        List<String> leftAlone = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0 && text != null; i--) {
            Map<String, Object> e = entries.get(i);
            String added = (String) e.get("added");
            if (Boolean.TRUE.equals(e.get("created")) && text.equals(added)) {
                delete = true;
                text = "";
            } else if (text.endsWith(added)) {
                text = text.substring(0, text.length() - added.length());
            } else if (text.contains(added)) {
                int at = text.lastIndexOf(added);
                text = text.substring(0, at) + text.substring(at + added.length());
            } else {
                leftAlone.add(label + ": the line " + RULE + " was changed or removed since; left as it is");
                continue;
            }
            restored.add(label + ": " + RULE + " removed (bedrock-setup added it for Claude Code's local settings)");
        }
        FileChange change = new FileChange(path, label, current, delete ? null : text, null, null, null);
        SettingsReset.Result r = new SettingsReset.Result(change);
        r.restored.addAll(restored);
        r.leftAlone.addAll(leftAlone);
        if (current == null) {
            r.leftAlone.add(label + " no longer exists: nothing to undo there");
        }
        return r;
    }

    /** Where git runs: the directory itself, or its nearest existing parent when init is about to create it. */
    private static Path existingDirectory(Path start) {
        Path dir = start;
        while (dir.getParent() != null && !java.nio.file.Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        return dir;
    }

    private int git(Path dir, String... args) {
        ChildProcess.Outcome o = run(dir, args);
        return o == null ? -1 : o.exit();
    }

    private String gitOutput(Path dir, String... args) {
        ChildProcess.Outcome o = run(dir, args);
        return o == null || o.exit() != 0 ? null : o.stdout();
    }

    private ChildProcess.Outcome run(Path dir, String... args) {
        // a repository's own config could name a program for git to run (core.fsmonitor): not in a project we
        // only ask about
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.fsmonitor=false"));
        command.addAll(List.of(args));
        Map<String, String> vars = new LinkedHashMap<>(env.variables());
        vars.put("HOME", env.home().toString());
        vars.put("GIT_TERMINAL_PROMPT", "0");
        try {
            ChildProcess.Outcome o = ChildProcess.run(env, command, vars, dir, GIT_DEADLINE, p -> { });
            return o.timedOut() ? null : o;
        } catch (IOException e) {
            return null; // no git: no repository to ask, as for Claude Code
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
