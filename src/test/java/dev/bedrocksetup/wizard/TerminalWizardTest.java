package dev.bedrocksetup.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TmuxTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard in a real terminal: bedrock-setup runs under tmux against the stand-in, driven with send-keys (arrows,
 * typing to filter, Enter, Esc, Ctrl-C) and read with capture-pane; then the files are checked.
 */
class TerminalWizardTest {
    static final String SETTINGS = "{\n  \"theme\": \"dark\"\n}\n";
    static final String CONFIG = "# mine\n[profile keys]\nregion = eu-west-1\n";

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
        home.write(".claude/settings.json", SETTINGS);
        home.write(".aws/config", CONFIG);
    }

    @AfterEach
    void tearDown() {
        term.close();
        stand.close();
    }

    private void start(String... args) throws Exception {
        startIn("LANG=C.UTF-8", args);
    }

    /** Starts init with {@code locale} ("LANG=C LC_ALL=C") exported in the terminal. */
    private void startIn(String locale, String... args) throws Exception {
        Map<String, String> env = home(dir, stand);
        for (String assignment : locale.split(" ")) {
            env.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
        }
        List<String> command = new ArrayList<>(List.of("init"));
        command.addAll(List.of(args));
        term.start(200, 50, env, command.toArray(String[]::new));
    }

    /** The variables that point bedrock-setup at the throw-away home and the stand-in. */
    static Map<String, String> home(Path dir, StandInHome stand) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", dir.toString());
        env.put("BEDROCK_SETUP_MANAGED_SETTINGS", dir.resolve("managed.json").toString());
        env.putAll(StandInHome.endpoints(stand.baseUri()));
        return env;
    }

    private String screen() {
        return term.screen();
    }

    private String await(String text) throws Exception {
        return term.await(text);
    }

    private void keys(String... keys) throws Exception {
        term.keys(keys);
    }

    private void type(String text) throws Exception {
        term.type(text);
    }

    @Test
    void createsAnSsoProfileWithDeviceCodeLoginAndWritesOnlyAfterConfirmation() throws Exception {
        start();
        await("Which AWS profile should Claude Code use?");
        keys("Down", "Up");
        type("create");
        String s = await("filter: create");
        assertTrue(s.contains("❯ Create an IAM Identity Center (SSO) profile"), s);
        keys("Enter");
        await("IAM Identity Center start URL");
        type("https://example.awsapps.com/start");
        keys("Enter");
        await("IAM Identity Center region");
        keys("Enter");
        s = await("Using the only role available: Dev");
        assertTrue(s.contains("log in with a device code instead"), s);
        assertTrue(s.contains("confirm the code"), s);
        await("Which Bedrock region?");
        type("eu-c");
        keys("Enter");
        await("Primary model (ANTHROPIC_MODEL)?");
        keys("Escape");
        s = await("Which Bedrock region?  (type to filter");
        keys("Enter");
        await("Primary model (ANTHROPIC_MODEL)?");
        keys("Enter");
        s = await("? " + Review.QUESTION);
        assertTrue(s.contains("answers"), "the chosen models were test-invoked: " + s);
        assertTrue(s.contains("AWS profile        Dev-111122223333  (new, SSO session example)"), "the defaulted names are in the summary: " + s);
        assertTrue(s.contains("+[profile Dev-111122223333]"), s);
        assertTrue(s.contains("+    \"AWS_REGION\": \"eu-central-1\","), s);
        assertEquals(SETTINGS, home.read(".claude/settings.json"), "nothing written before Proceed");
        assertEquals(CONFIG, home.read(".aws/config"));
        keys("Enter");
        s = await("EXIT=");
        assertTrue(s.contains("EXIT=0"), s);
        assertTrue(home.read(".aws/config").startsWith(CONFIG));
        assertTrue(home.read(".aws/config").contains("[profile Dev-111122223333]\nsso_session = example\n"));
        assertTrue(home.read(".claude/settings.json").contains("\"AWS_PROFILE\": \"Dev-111122223333\""));
    }

    @Test
    void ctrlCLeavesWithExit130AndNothingWritten() throws Exception {
        home.write(".aws/config", CONFIG + "\n[profile dev]\nregion = us-west-2\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
        String config = home.read(".aws/config");
        start();
        await("Which AWS profile should Claude Code use?");
        type("dev");
        keys("Enter");
        await("Which Bedrock region?");
        keys("C-c");
        String s = await("EXIT=");
        assertTrue(s.contains("Cancelled: nothing was written."), s);
        assertTrue(s.contains("EXIT=130"), s);
        assertTrue(!s.contains("wJalrXUtnFEMI"), "no secret on the screen");
        assertEquals(SETTINGS, home.read(".claude/settings.json"));
        assertEquals(config, home.read(".aws/config"));
    }

    /**
     * Ctrl-C while the wizard waits on AWS (here the region's catalogue, which the stand-in answers only after 30 s)
     * reaches the process as a signal, not as a key: it ends at once, and says what it says at a question. Before,
     * on a full terminal the process died of the signal (the fixture's shell with it), and on a plain one it ended
     * with 130 and no word.
     */
    @Test
    void ctrlCWhileTheWizardWaitsOnAwsSaysNothingWasWritten() throws Exception {
        ctrlCWhileTheCatalogueIsRead(false);
    }

    @Test
    void ctrlCWhileAPlainWizardWaitsOnAwsSaysNothingWasWritten() throws Exception {
        ctrlCWhileTheCatalogueIsRead(true);
    }

    private void ctrlCWhileTheCatalogueIsRead(boolean plain) throws Exception {
        home.write(".aws/config", CONFIG + "\n[profile dev]\nregion = us-west-2\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
        String config = home.read(".aws/config");
        stand.scenario.latency(dev.bedrocksetup.standin.Operation.LIST_INFERENCE_PROFILES, java.time.Duration.ofSeconds(30));
        Map<String, String> env = home(dir, stand);
        env.put("LANG", "C.UTF-8");
        if (plain) {
            env.put("TERM", "dumb");
        }
        term.start(200, 50, env, "init");
        await(plain ? "Number or name (Enter: 1):" : "Which AWS profile should Claude Code use?");
        type("dev");
        keys("Enter");
        await("Which Bedrock region?");
        keys("Enter");
        await("Reading the Claude inference profiles of");
        keys("C-c");
        String s = await("EXIT=");
        assertTrue(s.contains("Cancelled: nothing was written."), s);
        assertTrue(s.contains("EXIT=130"), s);
        assertEquals(1, s.split("Cancelled: nothing was written.", -1).length - 1, "said once: " + s);
        assertEquals(SETTINGS, home.read(".claude/settings.json"));
        assertEquals(config, home.read(".aws/config"));
    }

    @Test
    void theTerminalOpensWithoutRunningAnyProgram() throws Exception {
        // jline, left to itself, runs `test -t 1` and `infocmp` as it opens the terminal: two processes before the
        // first question (decision 0049). A process the JVM starts gets a reaper, ProcessHandleImpl$ExitCompletion,
        // loaded for nothing else (ProcessImpl is not the sign: Java 25 loads it for System.getenv)
        Path classes = dir.resolve("classes.log");
        term.stderrTo(dir.resolve("stderr.log"));
        Map<String, String> env = home(dir, stand);
        env.put("LANG", "C.UTF-8");
        env.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classes);
        term.start(200, 50, env, "init");
        await("Which AWS profile should Claude Code use?");
        keys("C-c");
        assertTrue(await("EXIT=").contains("EXIT=130"), screen());
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains(" org.jline.terminal.impl.jni.linux.LinuxNativePty "), "jline's native terminal");
        assertTrue(!loaded.contains(" java.lang.ProcessHandleImpl$ExitCompletion "),
                "a program was run before the first question");
    }

    @Test
    void withoutJlinesNativeLibraryTheTerminalStillOpensThroughItsPrograms() throws Exception {
        // as on a platform jline has no native library for: the native provider is off, so the terminal opens the
        // way jline chooses (its exec provider), and the wizard works the same
        Map<String, String> env = home(dir, stand);
        env.put("LANG", "C.UTF-8");
        Path classes = dir.resolve("classes.log");
        env.put("JAVA_TOOL_OPTIONS", "-Dorg.jline.terminal.jni=false -Xlog:class+load=info:file=" + classes);
        term.start(200, 50, env, "init");
        await("Which AWS profile should Claude Code use?");
        keys("Down");
        keys("C-c");
        String s = await("EXIT=");
        assertTrue(s.contains("Cancelled: nothing was written.") && s.contains("EXIT=130"), s);
        assertTrue(!s.contains("dumb terminal"), s);
        assertTrue(Files.readString(classes).contains(" org.jline.terminal.impl.exec.ExecPty "), "jline's exec terminal");
    }

    @Test
    void aTerminalTypeThisMachineDoesNotKnowStillGetsTheWizardWithoutAStackTrace() throws Exception {
        // ssh from kitty to a server without its terminfo: TERM=xterm-kitty, which infocmp does not know; jline
        // logged that with a stack trace above the first question
        Map<String, String> env = home(dir, stand);
        env.put("LANG", "C.UTF-8");
        env.put("TERM", "xterm-kitty");
        term.start(200, 50, env, "init");
        String s = await("Which AWS profile should Claude Code use?");
        assertTrue(!s.contains("at org.jline") && !s.contains("WARNING"), s);
        keys("C-c");
        assertTrue(await("EXIT=").contains("EXIT=130"), screen());
    }

    @Test
    void ctrlCAtAPlainQuestionCancelsAsOnAFullTerminal() throws Exception {
        // TERM=dumb: the terminal edits the line, so Ctrl-C is its SIGINT, which ended the JVM without a word
        String config = home.read(".aws/config");
        Map<String, String> env = home(dir, stand);
        env.put("LANG", "C.UTF-8");
        env.put("TERM", "dumb");
        term.start(200, 50, env, "init");
        await("Number or name (Enter: 1):");
        keys("C-c");
        String s = await("EXIT=");
        assertTrue(s.contains("Cancelled: nothing was written.") && s.contains("EXIT=130"), s);
        assertEquals(SETTINGS, home.read(".claude/settings.json"));
        assertEquals(config, home.read(".aws/config"));
    }

    static final String EU_SONNET = "eu.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String EU_HAIKU = "eu.anthropic.claude-haiku-4-5-20251001-v1:0";

    @Test
    void flagsAndThePresetAnswerTheirQuestionsOnTheScreen() throws Exception {
        stand.staticKeysProfile("keys", "dev", "eu-west-1");
        Path preset = home.write("team.json", "{\"haiku-model\": \"" + EU_HAIKU + "\"}");
        start("--profile", "keys", "--region", "eu-west-1", "--model", EU_SONNET, "--scope", "local", "--preset",
                preset.toString());
        String s = await("? " + Review.QUESTION);
        assertTrue(s.contains("✔ Which AWS profile should Claude Code use? keys (from --profile)"), s);
        assertTrue(s.contains("✔ Which Bedrock region? eu-west-1 (from --region)"), s);
        assertTrue(s.contains("✔ Primary model (ANTHROPIC_MODEL)? " + EU_SONNET + " (from --model)"), s);
        assertTrue(s.contains("(ANTHROPIC_DEFAULT_HAIKU_MODEL)? " + EU_HAIKU + " (from preset team.json)"), s);
        assertTrue(s.contains(EU_SONNET + " answers"), "the models were tested: " + s);
        assertTrue(s.contains("✔ Which settings file? local (from --scope)"), s);
        keys("Enter");
        s = await("EXIT=");
        assertTrue(s.contains("EXIT=0"), s);
        String local = home.read(".claude/settings.local.json");
        assertTrue(local.contains("\"AWS_REGION\": \"eu-west-1\""), local);
        assertTrue(local.contains("\"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \"" + EU_HAIKU + "\""), local);
        assertEquals(SETTINGS, home.read(".claude/settings.json"));
    }

    @Test
    void aDryRunOnTheTerminalWritesNothingEvenAfterAYes() throws Exception {
        stand.staticKeysProfile("keys", "dev", "eu-west-1");
        String config = home.read(".aws/config");
        String credentials = home.read(".aws/credentials");
        start("--dry-run");
        await("Which AWS profile should Claude Code use?");
        type("keys");
        keys("Enter");
        await("Which Bedrock region?");
        type("eu-west-1");
        keys("Enter");
        await("Primary model (ANTHROPIC_MODEL)?");
        type("eu.anthropic.claude-sonnet");
        keys("Enter");
        await("? " + Review.QUESTION);
        keys("Enter");
        String s = await("Dry run: nothing was written.");
        assertTrue(s.contains("+    \"AWS_PROFILE\": \"keys\","), "the diff was shown: " + s);
        type("y");
        keys("Enter");
        s = await("EXIT=");
        assertTrue(s.contains("EXIT=0"), s);
        assertEquals(SETTINGS, home.read(".claude/settings.json"), "byte-identical");
        assertEquals(config, home.read(".aws/config"), "byte-identical");
        assertEquals(credentials, home.read(".aws/credentials"), "byte-identical");
        assertTrue(!Files.exists(home.env().stateDirectory().resolve("journal.json")), "nothing journaled");
    }

    @Test
    void aReRunOpensEveryListOnTheCurrentValueAndEndsWithNothingToChange() throws Exception {
        stand.staticKeysProfile("keys", "dev", "eu-west-1");
        TempHome.Run first = home.run("init", "--yes", "--profile", "keys", "--region", "eu-west-1", "--model",
                EU_SONNET, "--haiku-model", EU_HAIKU);
        assertEquals(0, first.exit, first.toString());
        String settings = home.read(".claude/settings.json");
        String journal = Files.readString(home.env().stateDirectory().resolve("journal.json"));
        start();
        for (String question : new String[] {"Which AWS profile should Claude Code use?", "Which Bedrock region?",
            "Primary model (ANTHROPIC_MODEL)?"}) {
            await("? " + question);
            Thread.sleep(300); // the whole list drawn
            String s = screen();
            String cursorLine = s.lines().filter(l -> l.contains("❯")).reduce((a, b) -> b).orElse("");
            assertTrue(cursorLine.contains("(current)"), question + " opens on the current value: " + s);
            keys("Enter");
        }
        await("? " + Review.QUESTION);
        Thread.sleep(300);
        assertTrue(screen().contains("❯ Proceed  (nothing to change)"), screen());
        keys("Enter");
        String s = await("EXIT=");
        assertTrue(s.contains("nothing to change"), s);
        assertTrue(!s.contains("Apply these changes?"), "no confirmation for an empty diff: " + s);
        assertTrue(s.contains("EXIT=0"), s);
        assertEquals(settings, home.read(".claude/settings.json"));
        assertEquals(journal, Files.readString(home.env().stateDirectory().resolve("journal.json")));
    }

    /** Up to the summary, everything answered by flags. */
    private void startAtTheSummary(String locale) throws Exception {
        stand.staticKeysProfile("keys", "dev", "eu-west-1");
        startIn(locale, "--profile", "keys", "--region", "eu-west-1", "--model", EU_SONNET, "--haiku-model",
                EU_HAIKU);
        await(Review.QUESTION);
    }

    @Test
    void aQuickNAndEnterAnswersOnlyTheYesNoQuestion() throws Exception {
        // under Customize with static keys: credentials (a list), scrub (yes/no), token limits (yes/no), then the
        // scope (a list)
        startAtTheSummary("LANG=C.UTF-8");
        keys("Down", "Enter"); // Customize
        await("How should Claude Code get its AWS credentials?");
        keys("Enter");
        await(CredentialsStep.SCRUB);
        keys("Enter");
        await("Set token limits");
        term.burst("n", "Enter"); // one burst, as a quick typist sends it
        String s = await("Which settings file?");
        Thread.sleep(1000); // time for a left-over Enter to answer the list
        s = screen();
        assertTrue(!s.contains("✔ Which settings file?"), "not answered by the Enter of the yes/no: " + s);
        assertTrue(s.contains("? Which settings file?  (type to filter"), "the next question is still open: " + s);
        assertTrue(s.contains("✔ Set token limits (CLAUDE_CODE_MAX_OUTPUT_TOKENS, MAX_THINKING_TOKENS)? no"), s);
    }

    @Test
    void typingAProfilesExactNamePicksItBeforeOnesWhoseDescriptionMentionsIt() throws Exception {
        home.write(".aws/config", "[profile assume-0]\nrole_arn = arn:aws:iam::111122223333:role/Dev\n"
                + "source_profile = default\n\n[default]\nregion = eu-west-1\n");
        home.write(".aws/credentials", "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
        start();
        await("Which AWS profile should Claude Code use?");
        type("default");
        await("filter: default");
        keys("Enter");
        String s = await("✔ Which AWS profile should Claude Code use?");
        assertTrue(s.contains("✔ Which AWS profile should Claude Code use? default\n"), s);
    }

    @Test
    void escAtTheSsoRegionGoesBackToTheStartUrlWithTheTypedUrlAsDefault() throws Exception {
        start();
        await("Which AWS profile should Claude Code use?");
        type("create");
        await("filter: create");
        keys("Enter");
        await("IAM Identity Center start URL");
        type("https://example.awsapps.com/start");
        keys("Enter");
        await("? IAM Identity Center region");
        keys("Escape");
        String s;
        s = await("? IAM Identity Center start URL (https://example.awsapps.com/start)");
        assertTrue(s.lines().filter(l -> l.contains("Which AWS profile should Claude Code use?")).count() == 1,
                "one question back, not two: " + s);
        keys("Enter");
        s = await("? IAM Identity Center region (us-east-1)");
        assertTrue(s.contains("✔ IAM Identity Center start URL https://example.awsapps.com/start\n"),
                "an answered text question is marked like a list: " + s);
        type("eu-west-1");
        keys("Enter");
        await("? Which Bedrock region?");
        keys("Escape");
        s = await("? IAM Identity Center region (eu-west-1)");
        keys("C-c");
        s = await("EXIT=");
        assertTrue(s.contains("EXIT=130"), s);
    }

    @Test
    void underTheCLocaleTheWholeWizardPrintsAsciiSymbols() throws Exception {
        startAtTheSummary("LANG=C LC_ALL=C");
        keys("Enter");
        String s = await("EXIT=");
        assertTrue(s.contains("EXIT=0"), s);
        assertTrue(s.contains("answers"), "the model test results are on the screen: " + s);
        for (String line : s.lines().toList()) {
            for (int i = line.indexOf('?'); i >= 0; i = line.indexOf('?', i + 1)) {
                // a question mark ends a question ("use? keys", "(ANTHROPIC_MODEL)?"); one after a space or at the
                // start stands for a symbol the C locale could not print
                assertTrue(i > 0 && (Character.isLetterOrDigit(line.charAt(i - 1)) || line.charAt(i - 1) == ')'),
                        "a ? for a symbol: " + line
                        + "\n" + s);
            }
        }
        assertTrue(s.contains("ok Done."), s);
    }
}
