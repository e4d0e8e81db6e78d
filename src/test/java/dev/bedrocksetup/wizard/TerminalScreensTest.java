package dev.bedrocksetup.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TmuxTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard on the terminals of issue 20 (items 3, 8-11 and NO_COLOR): a dumb terminal, 60 columns, 10 rows, 28
 * profiles, colour turned off, slow answers from AWS. Real jar classes under tmux against the stand-in.
 */
class TerminalScreensTest {
    static final String PROFILE_QUESTION = "Which AWS profile should Claude Code use?";
    static final String EU_SONNET = "eu.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String EU_HAIKU = "eu.anthropic.claude-haiku-4-5-20251001-v1:0";

    @TempDir
    Path dir;
    StandInHome stand;
    TempHome home;
    TmuxTerminal term;

    @BeforeEach
    void setUp() throws Exception {
        term = new TmuxTerminal(dir);
        stand = new StandInHome(dir, StandInHome.sandbox().approveDeviceAfterPolls(1));
        home = stand.home;
        home.write(".claude/settings.json", "{}\n");
    }

    @AfterEach
    void tearDown() {
        term.close();
        stand.close();
    }

    /** 28 profiles: assume-0 whose description names default as its source, default (keys), and 26 more. */
    private void twentyEightProfiles() throws Exception {
        stand.userKeys("default", "dev");
        // assume-0 comes first: an unranked filter would pick it for "default"
        StringBuilder config = new StringBuilder("[profile assume-0]\n"
                + "role_arn = arn:aws:iam::111122223333:role/Dev\nsource_profile = default\n\n"
                + "[default]\nregion = eu-west-1\n");
        for (int i = 1; i <= 26; i++) {
            config.append(String.format("\n[profile team-%02d]\nregion = eu-west-1\n"
                    + "role_arn = arn:aws:iam::111122223333:role/Team%02d\nsource_profile = default\n", i, i));
        }
        home.write(".aws/config", config.toString());
    }

    private void start(int columns, int rows, Map<String, String> extra, String... args) throws Exception {
        Map<String, String> env = TerminalWizardTest.home(dir, stand);
        env.put("LANG", "C.UTF-8");
        env.putAll(extra);
        term.start(columns, rows, env, args);
    }

    /** The flags that answer the profile, region and models: the rest of the wizard is lists and yes/no. */
    private List<String> keysProfileFlags() throws Exception {
        stand.staticKeysProfile("keys", "dev", "eu-west-1");
        return new ArrayList<>(List.of("init", "--profile", "keys", "--region", "eu-west-1"));
    }

    @Test
    void typingDefaultAmongTwentyEightProfilesPicksDefault() throws Exception {
        twentyEightProfiles();
        start(100, 35, Map.of(), "init");
        term.await(PROFILE_QUESTION);
        term.type("default");
        term.await("filter: default");
        term.keys("Enter");
        String s = term.await("✔ " + PROFILE_QUESTION);
        assertTrue(s.contains("✔ " + PROFILE_QUESTION + " default\n"), s);
    }

    @Test
    void aLongListInATenRowTerminalKeepsItsQuestionShowsWhatIsHiddenAndMovesWithHomeEndAndPages()
            throws Exception {
        twentyEightProfiles();
        start(100, 10, Map.of(), "init");
        term.await(PROFILE_QUESTION);
        String v = term.awaitThat("more below", s -> s.contains("↓"));
        v = term.visible();
        assertTrue(v.contains("? " + PROFILE_QUESTION), "the question stays on the screen: " + v);
        assertTrue(v.contains("↓ ") && v.contains(" more"), "a marker says more items are below: " + v);
        term.keys("End");
        v = awaitVisible("❯ " + AccessKeyProfile.CHOICE);
        assertTrue(v.contains("Create an IAM Identity Center (SSO) profile"), "End reaches the last items: " + v);
        assertTrue(v.contains("↑ ") && v.contains("? " + PROFILE_QUESTION), v);
        assertFalse(v.contains("filter: "), "End is not typed as text: " + v);
        term.keys("Home");
        v = awaitVisible("❯ assume-0");
        term.keys("PageDown");
        v = awaitVisible("↑ ");
        assertFalse(v.contains("❯ assume-0") || v.contains("filter: "), "PgDn moved a page: " + v);
        term.keys("PageUp");
        v = awaitVisible("❯ assume-0");
        term.type("zz");
        awaitVisible("filter: zz");
        term.keys("C-u");
        v = awaitVisible("(type to filter");
        assertFalse(v.contains("filter: zz"), "Ctrl-U cleared the filter: " + v);
        assertTrue(v.contains("? " + PROFILE_QUESTION), v);
    }

    private String awaitVisible(String text) throws InterruptedException {
        term.awaitThat(text + " (visible)", s -> term.visible().contains(text));
        return term.visible();
    }

    @Test
    void aDumbTerminalGetsNumberedListsInFullAndTypedLines() throws Exception {
        List<String> args = keysProfileFlags();
        start(80, 40, Map.of("TERM", "dumb"), args.toArray(String[]::new));
        String s = term.await("Number or name");
        assertTrue(s.contains(") " + EU_SONNET), "the model list is printed whole, numbered: " + s);
        term.type(EU_SONNET);
        term.keys("Enter");
        term.await("✔ Primary model (ANTHROPIC_MODEL)? " + EU_SONNET);
        term.awaitThat("the summary's numbered list", x -> x.contains("? " + Review.QUESTION)
                && plainPrompts(x) == 2);
        term.type("2"); // Customize
        term.keys("Enter");
        // every question Customize asks, answered with Enter, but the token limits typed "n"
        int prompts = 2;
        while (true) {
            int seen = ++prompts;
            String now = term.awaitThat("prompt number " + seen, x -> plainPrompts(x) >= seen);
            if (now.split("\\? " + java.util.regex.Pattern.quote(Review.QUESTION), -1).length == 3) {
                break; // the summary again
            }
            if (lastPromptLine(now).contains("Set token limits")) {
                term.type("n");
            }
            term.keys("Enter");
        }
        term.type("1"); // Proceed
        term.keys("Enter");
        s = term.await("EXIT=");
        assertTrue(s.contains("EXIT=0"), s);
        assertTrue(s.contains("✔ Set token limits (CLAUDE_CODE_MAX_OUTPUT_TOKENS, MAX_THINKING_TOKENS)? no"), s);
        assertTrue(s.contains("✔ Which settings file? user"), s);
        assertFalse(s.contains("^["), "no escape sequence shown as text: " + s);
        assertFalse(term.screenWithEscapes().contains("\u001b"), "no escape sequence drawn: " + s);
        assertTrue(s.lines().anyMatch(l -> l.endsWith("): " + EU_SONNET)), "typed text is shown once: " + s);
        assertTrue(home.read(".claude/settings.json").contains("\"ANTHROPIC_MODEL\": \"" + EU_SONNET + "\""));
    }

    /** How many plain prompts (a numbered list's or a yes/no's) the screen shows. */
    private static int plainPrompts(String screen) {
        return screen.split("Number or name|\\[y/N\\]|\\[Y/n\\]", -1).length - 1;
    }

    private static String lastPromptLine(String screen) {
        return screen.lines().filter(l -> l.startsWith("? ")).reduce((a, b) -> b).orElse("");
    }

    /**
     * Under Customize: each question Enter (its default), until the summary asks again; returns that screen. An
     * open question is the last line starting "? "; it is answered when the count of "✔ " lines grows.
     */
    private String customizeWithEnter() throws InterruptedException {
        while (true) {
            long answered = answeredLines(term.screen());
            String s = term.awaitThat("an open question", x -> !lastPromptLine(x).isEmpty()
                    && answeredLines(x) == answered);
            Thread.sleep(300); // the whole prompt drawn
            s = term.screen();
            if (lastPromptLine(s).startsWith("? " + Review.QUESTION)
                    && s.contains("✔ " + Review.QUESTION)) {
                return s;
            }
            term.keys("Enter");
            term.awaitThat("the question answered", x -> answeredLines(x) > answered);
        }
    }

    private static long answeredLines(String screen) {
        return screen.lines().filter(l -> l.startsWith("✔ ")).count();
    }

    @Test
    void atSixtyColumnsEveryQuestionIsShownOnceAndNothingIsWiderThanTheTerminal() throws Exception {
        List<String> args = keysProfileFlags();
        start(60, 45, Map.of(), args.toArray(String[]::new));
        term.await("? Primary model (ANTHROPIC_MODEL)?");
        term.keys("Down", "Down", "Up", "Enter");
        term.await("? " + Review.QUESTION);
        term.keys("Down", "Up", "Down", "Enter"); // Customize
        customizeWithEnter();
        term.keys("C-c");
        term.await("EXIT=130");
        String lines = term.lines();
        for (String question : List.of("Primary model", "Fast model for background tasks", "How should Claude Code",
                "Which settings file?")) {
            assertEquals(0, lines.lines().filter(l -> l.startsWith("? " + question)).count(),
                    "no half-drawn question left behind: " + lines);
            assertEquals(1, lines.lines().filter(l -> l.startsWith("✔ " + question)).count(), question + lines);
        }
        for (String line : lines.lines().toList()) {
            assertTrue(line.stripTrailing().codePointCount(0, line.stripTrailing().length()) < 60,
                    "wrapped at a word by the wizard, not mid-word by the terminal: '" + line + "'\n" + lines);
        }
    }

    @Test
    void modelsFitsEightyColumnsOnATerminal() throws Exception {
        stand.staticKeysProfile("keys", "dev", "eu-west-1");
        start(80, 60, Map.of(), "models", "--profile", "keys", "--region", "eu-west-1");
        String lines = term.await("EXIT=");
        assertTrue(lines.contains("EXIT=0") && lines.contains(EU_SONNET), lines);
        for (String line : term.lines().lines().toList()) {
            assertTrue(line.stripTrailing().length() <= 80, "at most 80 columns: '" + line + "'\n" + lines);
        }
    }

    @Test
    void noColorLeavesNoColourCodeAnywhereInTheWizard() throws Exception {
        List<String> args = keysProfileFlags();
        args.addAll(List.of("--model", EU_SONNET, "--haiku-model", EU_HAIKU));
        start(100, 50, Map.of("NO_COLOR", "1"), args.toArray(String[]::new));
        term.await("? " + Review.QUESTION);
        Thread.sleep(300);
        String drawn = term.screenWithEscapes();
        term.keys("Down", "Enter"); // Customize
        customizeWithEnter();
        drawn += term.screenWithEscapes();
        term.keys("Enter"); // Proceed
        String s = term.await("EXIT=");
        assertTrue(s.contains("EXIT=0") && s.contains("Done."), s);
        drawn += term.screenWithEscapes();
        assertFalse(drawn.contains("\u001b["), "no SGR code: " + drawn.replace("\u001b", "ESC"));
    }

    @Test
    void aSlowAnswerShowsASpinnerThatIsGoneAfterwards() throws Exception {
        stand.scenario.latency(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, Duration.ofSeconds(3));
        List<String> args = keysProfileFlags();
        args.addAll(List.of("--model", EU_SONNET, "--haiku-model", EU_HAIKU));
        start(100, 40, Map.of(), args.toArray(String[]::new));
        term.awaitThat("a turning spinner with seconds", s -> s.matches("(?s).*[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] testing \\d+s.*"));
        String s = term.await("? " + Review.QUESTION);
        assertFalse(s.matches("(?s).*testing \\d+s.*"), "the spinner was taken back: " + s);
        assertTrue(s.contains(EU_SONNET + " answers"), s);
    }

    @Test
    void initYesShowsTheSpinnerOnATerminalAndNothingOfItInAFile() throws Exception {
        stand.scenario.latency(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, Duration.ofSeconds(2));
        List<String> args = keysProfileFlags();
        args.addAll(List.of("--model", EU_SONNET, "--haiku-model", EU_HAIKU, "--yes"));
        start(100, 40, Map.of(), args.toArray(String[]::new));
        term.awaitThat("a turning spinner", s -> s.matches("(?s).*[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] testing \\d+s.*"));
        String s = term.await("EXIT=");
        assertTrue(s.contains("EXIT=0") && !s.matches("(?s).*testing \\d+s.*"), s);
        term.close();

        TmuxTerminal second = new TmuxTerminal(dir);
        try {
            Path err = dir.resolve("stderr.txt");
            second.stderrTo(err);
            Map<String, String> env = TerminalWizardTest.home(dir, stand);
            env.put("LANG", "C.UTF-8");
            second.start(100, 40, env, args.toArray(String[]::new));
            second.await("EXIT=0");
            String written = Files.readString(err);
            assertTrue(written.contains("Testing"), written);
            assertFalse(written.contains("\r") || written.matches("(?s).*testing \\d+s.*"),
                    "nothing of the spinner in a file: " + written);
        } finally {
            second.close();
        }
    }
}
