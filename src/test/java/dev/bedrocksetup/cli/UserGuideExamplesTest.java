package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: every documented `$ bedrock-setup …` example of docs/user-guide.md is run again, in a throw-away home
 * against the AWS stand-in, and its output is compared with the page by SHAPE: the exit code, and the sequence of
 * line kinds (each non-blank line's first word, with numbers, paths, times and IDs normalised). Values are not
 * compared, so a new account ID or duration does not fail it; a line added, removed or reworded at its start does.
 *
 * <p>Markers, an HTML comment on a line of its own before the fenced block (it applies to every example in it):
 * <ul>
 * <li>{@code <!-- example: not run: REASON -->}: the example is not run (interactive, needs a browser, real AWS,
 * a shell pipe …); the reason is required and the test lists these;</li>
 * <li>{@code <!-- example: after init -->}: run after {@code init --yes} has set up the profile and region the
 * example names (the guide's own starting point for doctor, reset, policy …);</li>
 * <li>{@code <!-- example: to re-capture: REASON -->} (or {@code after init, to re-capture: REASON}): known to differ from a real run for the reason given (a
 * layout another branch is changing); run, and its divergence printed for whoever captures it again; the test
 * fails once the example matches, so the marker goes when it is no longer true;</li>
 * <li>none: run in a fresh home whose ~/.aws has a static-keys profile of the name the example uses (dev by
 * default) in the region it names (us-west-2 by default).</li>
 * </ul>
 * With {@code -Duserguide.capture=DIR} each run's output is also written to {@code DIR/LINE.txt}, to capture the
 * page again from. A failure names the page line, the command, and the first lines where the run and the page part, so the
 * example can be captured again (the doctor's and the wizard's layouts are changing on other branches).
 */
class UserGuideExamplesTest {
    static final Path PAGE = Path.of("docs/user-guide.md");
    static final Pattern MARKER = Pattern.compile("^<!-- example: (.+?) -->$");
    static final Pattern EXIT = Pattern.compile("^\\[exit (\\d+)]$");

    @TempDir
    Path dir;

    /** One documented command with what the page shows after it. */
    record Example(int line, String command, List<String> shown, String marker) {
        String name() {
            return "user-guide.md:" + line + " $ " + command;
        }

        int exitShown() {
            for (String l : shown) {
                Matcher m = EXIT.matcher(l.trim());
                if (m.matches()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            return 0;
        }
    }

    static List<Example> examples() throws IOException {
        List<String> lines = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
        List<Example> out = new ArrayList<>();
        boolean inBlock = false;
        String marker = null;
        String pending = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("```")) {
                if (!inBlock) {
                    marker = null;
                    for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
                        Matcher m = MARKER.matcher(lines.get(j).trim());
                        if (m.matches()) {
                            marker = m.group(1);
                            break;
                        }
                    }
                }
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock || !l.startsWith("$ ") || !l.contains("bedrock-setup ")) {
                continue;
            }
            StringBuilder cmd = new StringBuilder(l.substring(2));
            int start = i;
            while (cmd.toString().endsWith("\\") && i + 1 < lines.size()) {
                cmd.setLength(cmd.length() - 1);
                cmd.append(lines.get(++i).trim().isEmpty() ? "" : " " + lines.get(i).trim());
            }
            List<String> shown = new ArrayList<>();
            while (i + 1 < lines.size() && !lines.get(i + 1).startsWith("```") && !lines.get(i + 1).startsWith("$ ")) {
                shown.add(lines.get(++i));
            }
            out.add(new Example(start + 1, cmd.toString().replaceAll("\\s+", " ").trim(), shown, marker));
        }
        return out;
    }

    @Test
    void thePageHasExamplesAndEveryOneNotRunSaysWhy() throws IOException {
        List<Example> all = examples();
        assertTrue(all.size() > 40, "examples found: " + all.size());
        for (Example e : all) {
            if (e.marker() != null && !e.marker().equals("after init") && !e.marker().matches("not run: .{8,}")
                    && !e.marker().matches("(after init, )?to re-capture: .{8,}")) {
                fail(e.name() + ": unknown marker \"" + e.marker() + "\" (use \"not run: REASON\", \"after init\" "
                        + "or \"to re-capture: REASON\")");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRunsWithTheShapeThePageShows() throws IOException {
        return examples().stream().filter(e -> e.marker() == null || !e.marker().startsWith("not run"))
                .map(e -> DynamicTest.dynamicTest(e.name(), () -> check(e)));
    }

    void check(Example e) throws Exception {
        Command c = Command.parse(e.command());
        if (c.reason != null) {
            fail(e.name() + ": cannot be run here (" + c.reason + "); mark it <!-- example: not run: REASON -->");
        }
        Path home = Files.createTempDirectory(dir, "home");
        try (StandInHome stand = new StandInHome(home, StandInHome.sandbox())) {
            TempHome h = stand.home;
            String profile = c.option("--profile", "dev");
            String region = c.option("--region", "us-west-2");
            stand.staticKeysProfile(profile, "dev", region);
            h.vars.put("LANG", "C.UTF-8"); // the page shows a UTF-8 terminal's marks (✔, →)
            h.vars.putAll(c.env);
            if (e.marker() != null && e.marker().startsWith("after init")) {
                Run init = h.run("init", "--yes", "--skip-probe", "--profile", profile, "--region", region, "--model",
                        dev.bedrocksetup.bedrock.RegionNames.geographyPrefix(region)
                                + ".anthropic.claude-sonnet-4-5-20250929-v1:0");
                if (init.exit != 0) { // the example's own set-up: it must work for the example to mean anything
                    fail(e.name() + ": the set-up init failed: " + init);
                }
            }
            Run r = h.run(c.args.toArray(new String[0]));
            String actual = (c.dropStderr ? "" : r.err) + r.out;
            String actualOutFirst = r.out + (c.dropStderr ? "" : r.err);
            List<String> want = Shape.of(e.shown());
            List<String> got = Shape.of(List.of(actual.split("\n")));
            List<String> gotOutFirst = Shape.of(List.of(actualOutFirst.split("\n")));
            if (Shape.distance(want, gotOutFirst) < Shape.distance(want, got)) {
                got = gotOutFirst;
            }
            // a terminal interleaves stdout and stderr: the page may show them in any merge of the two
            if (Shape.interleaves(want, Shape.of(List.of(r.out.split("\n"))),
                    c.dropStderr ? List.of() : Shape.of(List.of(r.err.split("\n"))))) {
                got = want;
            }
            String captureDir = System.getProperty("userguide.capture");
            if (captureDir != null) { // a maintenance aid: each run's output kept, for re-capturing the page
                Files.createDirectories(Path.of(captureDir));
                Files.writeString(Path.of(captureDir, e.line() + ".txt"), "HOME=" + home + "\nEXIT=" + r.exit + "\n"
                        + actual, StandardCharsets.UTF_8);
            }
            List<String> problems = new ArrayList<>();
            if (r.exit != e.exitShown()) {
                problems.add("exit " + r.exit + ", the page shows " + e.exitShown());
            }
            String diff = Shape.diff(want, got);
            if (!diff.isEmpty()) {
                problems.add("the output's shape differs (- page, + run):\n" + diff);
            }
            boolean recapture = e.marker() != null && e.marker().contains("to re-capture: ");
            if (recapture && problems.isEmpty()) {
                fail(e.name() + ": now matches the page: remove its marker <!-- example: " + e.marker() + " -->");
            }
            if (recapture) {
                System.out.println("TO RE-CAPTURE " + e.name() + " (" + e.marker() + "): " + String.join("; ", problems)
                        + "\n--- the run\n" + actual);
            } else if (!problems.isEmpty()) {
                fail(e.name() + ": " + String.join("; ", problems) + "\n--- the run\n" + actual);
            }
        }
    }

    /** A documented command line as the test can run it: arguments, variables before it, redirections. */
    static final class Command {
        final List<String> args = new ArrayList<>();
        final Map<String, String> env = new LinkedHashMap<>();
        boolean dropStderr;
        String reason;

        static Command parse(String line) {
            Command c = new Command();
            if (line.contains("|") || line.contains("$(") || line.contains(";") || line.contains("&&")) {
                c.reason = "a shell pipe, substitution or list";
                return c;
            }
            List<String> words = words(line);
            int i = 0;
            while (i < words.size() && words.get(i).matches("[A-Z_][A-Z0-9_]*=.*")) {
                String w = words.get(i++);
                c.env.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
            }
            if (i >= words.size() || !words.get(i).equals("bedrock-setup")) {
                c.reason = "not a bedrock-setup command";
                return c;
            }
            for (i++; i < words.size(); i++) {
                String w = words.get(i);
                if (w.equals("</dev/null")) {
                    continue; // the test's stdin is empty anyway
                }
                if (w.equals("2>/dev/null")) {
                    c.dropStderr = true;
                    continue;
                }
                if (w.startsWith("<") || w.startsWith(">") || w.startsWith("2>")) {
                    c.reason = "a redirection the test does not model: " + w;
                    return c;
                }
                c.args.add(w.startsWith("~/") ? w : w);
            }
            return c;
        }

        String option(String name, String fallback) {
            int i = args.indexOf(name);
            return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
        }

        /** Shell words: single and double quotes, no expansion. */
        static List<String> words(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder w = new StringBuilder();
            boolean any = false;
            char quote = 0;
            for (char ch : line.toCharArray()) {
                if (quote != 0) {
                    if (ch == quote) {
                        quote = 0;
                    } else {
                        w.append(ch);
                    }
                } else if (ch == '\'' || ch == '"') {
                    quote = ch;
                    any = true;
                } else if (Character.isWhitespace(ch)) {
                    if (any || w.length() > 0) {
                        out.add(w.toString());
                    }
                    w.setLength(0);
                    any = false;
                } else {
                    w.append(ch);
                }
            }
            if (any || w.length() > 0) {
                out.add(w.toString());
            }
            return out;
        }
    }

    /** The shape of an output: the kind of each non-blank line, values normalised. */
    static final class Shape {
        private static final Pattern PATH = Pattern.compile("(~|/)[^\\s\"',:]*");
        private static final Pattern NUMBER = Pattern.compile("[0-9]+([.:][0-9]+)*");

        static List<String> of(List<String> lines) {
            List<String> out = new ArrayList<>();
            for (String raw : lines) {
                String l = raw.strip();
                if (l.isEmpty() || EXIT.matcher(l).matches() || l.equals("...") || l.equals("…")) {
                    continue;
                }
                l = PATH.matcher(l).replaceAll("PATH");
                l = NUMBER.matcher(l).replaceAll("N");
                // the first word, after any status symbol or list bullet
                l = l.replaceFirst("^[^\\p{L}\\p{N}\"{}\\[\\]-]+", "");
                String first = l.split("[\\s:=(]", 2)[0];
                out.add(first.isEmpty() ? l.substring(0, Math.min(3, l.length())) : first);
            }
            return out;
        }

        /** Lines of a longest-common-subsequence diff: "- kind" only on the page, "+ kind" only in the run. */
        static String diff(List<String> a, List<String> b) {
            int[][] lcs = lcs(a, b);
            StringBuilder sb = new StringBuilder();
            int i = 0;
            int j = 0;
            int shown = 0;
            while ((i < a.size() || j < b.size()) && shown < 12) {
                if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                    i++;
                    j++;
                } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                    sb.append("  + ").append(b.get(j++)).append(" (run line ").append(j).append(")\n");
                    shown++;
                } else {
                    sb.append("  - ").append(a.get(i++)).append(" (page line ").append(i).append(")\n");
                    shown++;
                }
            }
            return sb.toString();
        }

        /** Whether {@code merged} is {@code a} and {@code b} interleaved, each in its own order. */
        static boolean interleaves(List<String> merged, List<String> a, List<String> b) {
            if (merged.size() != a.size() + b.size()) {
                return false;
            }
            boolean[][] t = new boolean[a.size() + 1][b.size() + 1];
            t[0][0] = true;
            for (int i = 0; i <= a.size(); i++) {
                for (int j = 0; j <= b.size(); j++) {
                    String m = i + j == 0 ? null : merged.get(i + j - 1);
                    if (i > 0 && t[i - 1][j] && a.get(i - 1).equals(m) || j > 0 && t[i][j - 1] && b.get(j - 1).equals(m)) {
                        t[i][j] = true;
                    }
                }
            }
            return t[a.size()][b.size()];
        }

        static int distance(List<String> a, List<String> b) {
            return a.size() + b.size() - 2 * lcs(a, b)[0][0];
        }

        private static int[][] lcs(List<String> a, List<String> b) {
            int[][] t = new int[a.size() + 1][b.size() + 1];
            for (int i = a.size() - 1; i >= 0; i--) {
                for (int j = b.size() - 1; j >= 0; j--) {
                    t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
                }
            }
            return t;
        }
    }
}
