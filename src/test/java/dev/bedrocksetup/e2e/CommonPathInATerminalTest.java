package dev.bedrocksetup.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.standin.LoggedRequest;
import dev.bedrocksetup.testing.ClaudeCode;
import dev.bedrocksetup.testing.ClaudeCodeExtension;
import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TmuxTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 20, item 21: the common path (an empty home, one IAM Identity Center portal, one account, one role) asks at
 * most six questions. `init` runs in a real terminal (tmux) against the stand-in over HTTP; the test counts every
 * prompt that waited for input on the screen, answers each as a new user would (the start URL typed, Enter for the
 * rest), and then the real Claude Code ({@value ClaudeCode#VERSION}) answers a prompt through the settings written:
 * the stand-in's request log shows the call in the chosen region with the chosen model.
 */
class CommonPathInATerminalTest {
    static final int MOST_QUESTIONS = 6;
    static final String START_URL = "https://example.awsapps.com/start";

    @RegisterExtension
    static final ClaudeCodeExtension installed = new ClaudeCodeExtension(ClaudeCode.requestedVersion());

    @RegisterExtension
    final StandInExtension aws = new StandInExtension(() -> StandInHome.sandbox().approveDeviceAfterPolls(1));

    @Test
    void theCommonPathAsksAtMostSixQuestionsAndClaudeCodeAnswersThroughTheResult() throws Exception {
        StandInHome stand = aws.stand();
        Path home = stand.home.home;
        List<String> questions;
        try (TmuxTerminal terminal = started(home, StandInHome.endpoints(stand.baseUri()), "init")) {
            questions = answerEveryQuestion(terminal);
            assertTrue(questions.size() <= MOST_QUESTIONS, questions.size() + " questions: " + questions);
            String s = terminal.screen();
            assertTrue(s.contains("EXIT=0"), s);
            assertTrue(s.contains("Done."), s);
        }

        String settings = stand.home.read(".claude/settings.json");
        String region = value(settings, "AWS_REGION");
        String model = value(settings, "ANTHROPIC_MODEL");
        assertTrue(stand.home.read(".aws/config").contains("[profile " + value(settings, "AWS_PROFILE") + "]"),
                "the new profile Claude Code is told to use was written");
        Path project = Files.createDirectories(home.resolve("project"));
        LoggedRequest call = StreamedTurn.of(installed.get(), stand, project, region);
        assertEquals(model, call.modelId(), "Claude Code called the model chosen in the wizard");
    }

    @Test
    void theDemoAsksAtMostSixQuestions() throws Exception {
        Path home = aws.stand().home.home;
        try (TmuxTerminal terminal = started(home, Map.of(), "init", "--demo")) {
            List<String> questions = answerEveryQuestion(terminal);
            assertTrue(questions.size() <= MOST_QUESTIONS, questions.size() + " questions: " + questions);
            String s = terminal.screen();
            assertTrue(s.contains("EXIT=0") && s.contains("Done."), s);
        }
    }

    /** bedrock-setup ARGS in a 200x50 UTF-8 terminal whose home is {@code home}, pointed at {@code endpoints}. */
    private static TmuxTerminal started(Path home, Map<String, String> endpoints, String... args) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("BEDROCK_SETUP_MANAGED_SETTINGS", home.resolve("managed.json").toString());
        env.put("LANG", "C.UTF-8");
        env.putAll(endpoints);
        TmuxTerminal terminal = new TmuxTerminal(home);
        terminal.start(200, 50, env, args);
        return terminal;
    }

    /**
     * Until the program ends: waits for an open prompt (a line starting "? ": a question waiting for input), counts
     * it, types the start URL where it is asked and presses Enter, and waits for the answer to be marked. Returns
     * the questions in the order asked.
     */
    private static List<String> answerEveryQuestion(TmuxTerminal terminal) throws Exception {
        List<String> asked = new ArrayList<>();
        while (true) {
            String s = terminal.awaitThat("a question or the end", x -> x.contains("EXIT=") || openPrompt(x) != null);
            if (s.contains("EXIT=")) {
                return asked;
            }
            Thread.sleep(300); // the whole prompt drawn
            String question = openPrompt(terminal.screen());
            asked.add(question);
            if (question.contains("start URL")) {
                terminal.type(START_URL);
            }
            long answeredBefore = answered(terminal.screen());
            terminal.keys("Enter");
            terminal.awaitThat("'" + question + "' answered", x -> x.contains("EXIT=") || answered(x) > answeredBefore);
        }
    }

    /** The last line that starts with "? " (the open question; an answered one is redrawn with a check mark). */
    private static String openPrompt(String screen) {
        return screen.lines().filter(l -> l.startsWith("? ")).reduce((a, b) -> b).orElse(null);
    }

    private static long answered(String screen) {
        return screen.lines().filter(l -> l.startsWith("✔ ")).count();
    }

    private static String value(String settings, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \"([^\"]+)\"").matcher(settings);
        assertTrue(m.find(), key + " in " + settings);
        return m.group(1);
    }
}
