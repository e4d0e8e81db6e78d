package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fix line never suggests a command that cannot work (issue 15): each test provokes failures of models, policy,
 * login, export-credentials, verify and doctor, takes every "bedrock-setup …" command out of their fix lines, and
 * runs it in the same throw-away home against the stand-in, as a user would copy it.
 *
 * <p>How a suggested {@code init} is run (decision 0025): it is a command the user completes in the wizard, so it is
 * run with --yes plus the answers the situation has (the stand-in's portal for URL, the region and model of the
 * scenario, the profile in force when there is a working one) and only those the suggestion leaves open; its own
 * flags must be accepted and honoured. Placeholders (URL, R, ID; "..." for the answers already given) are filled the
 * same way. Every suggestion must then succeed (doctor and verify: exit 0 or 1), and the command that failed must
 * work after it.
 */
class SuggestedFixesWorkTest {
    static final String MODEL = "eu.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final Pattern SUGGESTED = Pattern.compile(
            "bedrock-setup ((?:init|login|models|policy|doctor|verify|export-credentials|reset)\\b[^\\n]*)");
    static final Set<String> BOOLEAN_FLAGS = Set.of("--yes", "--dry-run", "--fix", "--json", "--offline", "--force",
            "--all-regions", "--first-use", "--vscode", "--skip-login", "--skip-probe", "--no-browser",
            "--use-device-code", "--remove-profile", "--with-claude");

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();
    Path dir;
    StandInHome stand;
    TempHome home;

    @BeforeEach
    void start() throws Exception {
        dir = aws.dir();
        stand = aws.stand();
        home = aws.home();
        stand.browser();
    }

    /** Every command a fix line names, as argv: the words after "bedrock-setup" up to the end of the command. */
    static List<List<String>> suggestions(String stderr) {
        List<List<String>> out = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            int at = line.indexOf("fix: ");
            if (at < 0) {
                continue;
            }
            Matcher m = SUGGESTED.matcher(line.substring(at));
            while (m.find()) {
                out.add(argv(m.group(1)));
            }
        }
        return out;
    }

    private static List<String> argv(String text) {
        List<String> words = new ArrayList<>();
        String[] tokens = text.trim().split("\\s+");
        words.add(tokens[0].replaceAll("[,;.)`]+$", ""));
        boolean valueNext = false;
        for (int i = 1; i < tokens.length; i++) {
            String t = tokens[i];
            String bare = t.replaceAll("[,;)`]+$", "");
            boolean ends = !bare.equals(t);
            if (bare.equals("...")) {
                continue; // "the answers you have": completed() adds them
            }
            if (bare.startsWith("--")) {
                words.add(bare);
                valueNext = !BOOLEAN_FLAGS.contains(bare) && !bare.contains("=");
            } else if (valueNext) {
                words.add(bare);
                valueNext = false;
            } else {
                break;
            }
            if (ends) {
                break;
            }
        }
        return words;
    }

    /** The suggestion as the user would complete it here: placeholders filled, init with --yes and its answers. */
    private static List<String> completed(List<String> suggested, String region, String profile) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < suggested.size(); i++) {
            String w = suggested.get(i);
            String option = i > 0 ? suggested.get(i - 1) : "";
            args.add(switch (w) {
                case "URL" -> StandInHome.START_URL;
                case "R" -> option.equals("--sso-region") ? "us-east-1" : region;
                case "ID" -> option.equals("--opus-model") ? "eu.anthropic.claude-opus-4-6-v1"
                        : option.equals("--haiku-model") ? "eu.anthropic.claude-haiku-4-5-20251001-v1:0" : MODEL;
                default -> w;
            });
        }
        if (args.get(0).equals("init")) {
            add(args, "--yes", null);
            add(args, "--region", region);
            add(args, "--model", MODEL);
            if (profile != null) {
                add(args, "--profile", profile);
            } else if (!args.contains("--profile")) {
                add(args, "--sso-start-url", StandInHome.START_URL);
                add(args, "--sso-region", "us-east-1");
            }
        }
        return args;
    }

    private static void add(List<String> args, String option, String value) {
        if (!args.contains(option)) {
            args.add(option);
            if (value != null) {
                args.add(value);
            }
        }
    }

    /**
     * Runs every distinct suggestion of these failed runs (init last: it changes the setup the others run against)
     * and asserts each works; returns them for the test to check the ones it expects.
     */
    private Set<List<String>> runSuggestions(String region, String profile, Run... failed) {
        Set<List<String>> all = new LinkedHashSet<>();
        for (Run r : failed) {
            // an error's fix is on stderr, a doctor or verify finding's on stdout with the report
            assertTrue((r.err + r.out).contains("fix: "), "the situation provokes a fix: " + r);
            all.addAll(suggestions(r.err + "\n" + r.out));
        }
        List<List<String>> ordered = new ArrayList<>(all);
        ordered.sort((a, b) -> Boolean.compare(a.get(0).equals("init"), b.get(0).equals("init")));
        for (List<String> s : ordered) {
            List<String> args = completed(s, region, profile);
            Run r = home.run(args.toArray(new String[0]));
            String what = "suggested 'bedrock-setup " + String.join(" ", s) + "', ran " + args + ": " + r;
            for (String usage : List.of("Missing required option", "Unknown option", "unknown option",
                    "unknown command", "Usage:", "needs --")) {
                assertFalse(r.err.contains(usage), what);
            }
            if (args.get(0).equals("doctor") || args.get(0).equals("verify")) {
                assertTrue(r.exit == 0 || r.exit == 1, what);
            } else {
                assertEquals(0, r.exit, what);
            }
        }
        return all;
    }

    private static boolean suggested(Set<List<String>> all, String command) {
        return all.stream().anyMatch(s -> String.join(" ", s).startsWith(command));
    }

    @Test
    void noAwsProfileAtAll() throws Exception {
        Run models = home.run("models", "--region", "eu-west-1");
        Run exports = home.run("export-credentials");
        Run policy = home.run("policy", "--region", "eu-west-1", "--model", MODEL);
        Run login = home.run("login");
        Set<List<String>> all = runSuggestions("eu-west-1", null, models, exports, policy, login);
        assertTrue(suggested(all, "init --profile default --sso-start-url URL --sso-region R"), all.toString());
        assertTrue(suggested(all, "init"), all.toString());
        assertEquals(0, home.run("models", "--region", "eu-west-1").exit, "works after the fix");
        assertEquals(0, home.run("export-credentials", "--profile", "default").exit, "the profile it named exists");
    }

    @Test
    void theProfileClaudeCodeIsSetUpWithIsGone() throws Exception {
        home.ssoProfiles("k");
        stand.cacheValidToken("corp");
        home.write(".claude/settings.json", "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_PROFILE\": \"gone\", "
                + "\"AWS_REGION\": \"eu-west-1\", \"ANTHROPIC_MODEL\": \"" + MODEL + "\"}}");
        Run models = home.run("models");
        Run policy = home.run("policy");
        Run login = home.run("login");
        Run exports = home.run("export-credentials");
        Run verify = home.run("verify", "--project-dir", dir.toString());
        Run doctor = home.run("doctor", "--project-dir", dir.toString());
        Set<List<String>> all = runSuggestions("eu-west-1", null, models, policy, login, exports, verify, doctor);
        assertTrue(suggested(all, "init --profile gone --sso-start-url URL --sso-region R"), all.toString());
        assertEquals(0, home.run("models").exit, "works after the fix");
        assertEquals(0, home.run("verify", "--project-dir", dir.toString()).exit);
    }

    @Test
    void anExpiredLogin() throws Exception {
        home.ssoProfiles("k");
        stand.cacheValidToken("corp");
        Run init = home.run("init", "--yes", "--profile", "k", "--region", "eu-west-1", "--model", MODEL);
        assertEquals(0, init.exit, init.toString());
        stand.cacheToken("corp", "expired-token", Instant.now().minusSeconds(3600));
        Run models = home.run("models");
        Run policy = home.run("policy");
        Run exports = home.run("export-credentials");
        Run verify = home.run("verify", "--project-dir", dir.toString());
        Run doctor = home.run("doctor", "--project-dir", dir.toString());
        Set<List<String>> all = runSuggestions("eu-west-1", "k", models, policy, exports, verify, doctor);
        assertTrue(suggested(all, "login --profile k"), all.toString());
        assertEquals(0, home.run("models").exit, "works after the fix");
    }

    @Test
    void theProfilesSessionSectionIsGone() throws Exception {
        home.write(".aws/config", "[profile k]\nsso_session = corp\nsso_account_id = 111122223333\n"
                + "sso_role_name = Dev\nregion = us-west-2\n");
        home.write(".claude/settings.json", "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_PROFILE\": \"k\", "
                + "\"AWS_REGION\": \"eu-west-1\", \"ANTHROPIC_MODEL\": \"" + MODEL + "\"}}");
        Run models = home.run("models");
        Run login = home.run("login");
        Run exports = home.run("export-credentials");
        Run doctor = home.run("doctor", "--project-dir", dir.toString());
        Set<List<String>> all = runSuggestions("eu-west-1", null, models, login, exports, doctor);
        assertTrue(suggested(all, "init --profile k --sso-session corp --sso-start-url URL --sso-region R"),
                all.toString());
        assertEquals(0, home.run("models").exit, "works after the fix");
    }

    @Test
    void theProfileLacksItsAccountAndRole() throws Exception {
        home.ssoProfiles("other").append(".aws/config", "\n[profile k]\nsso_session = corp\nregion = us-west-2\n");
        stand.cacheValidToken("corp");
        home.write(".claude/settings.json", "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_PROFILE\": \"k\", "
                + "\"AWS_REGION\": \"eu-west-1\", \"ANTHROPIC_MODEL\": \"" + MODEL + "\"}}");
        Run models = home.run("models");
        Run exports = home.run("export-credentials");
        Set<List<String>> all = runSuggestions("eu-west-1", null, models, exports);
        assertTrue(suggested(all, "init --profile k"), all.toString());
        assertEquals(0, home.run("models").exit, "works after the fix");
    }

    @Test
    void theLoginRefreshIsForAnotherProfileOrNeedsTheAwsCli() throws Exception {
        home.ssoProfiles("k", "other");
        stand.cacheValidToken("corp");
        home.vars.put("PATH", java.nio.file.Files.createDirectories(dir.resolve("bin")).toString()); // no aws there
        String setup = "\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_PROFILE\": \"k\", \"AWS_REGION\": "
                + "\"eu-west-1\", \"ANTHROPIC_MODEL\": \"" + MODEL + "\"}";
        home.write(".claude/settings.json", "{" + setup + ", \"awsAuthRefresh\": \"bedrock-setup login --profile other\"}");
        Set<List<String>> other = runSuggestions("eu-west-1", "k",
                home.run("doctor", "--offline", "--project-dir", dir.toString()));
        assertTrue(suggested(other, "init --profile k"), other.toString());
        assertTrue(home.read(".claude/settings.json").contains("login --profile k\""), "refresh moved along");

        home.write(".claude/settings.json", "{" + setup + ", \"awsAuthRefresh\": \"aws sso login --profile k\"}");
        Set<List<String>> cli = runSuggestions("eu-west-1", "k",
                home.run("doctor", "--offline", "--project-dir", dir.toString()));
        assertTrue(suggested(cli, "init --auth-refresh login"), cli.toString());
        assertFalse(home.read(".claude/settings.json").contains("aws sso login"), "bedrock-setup logs in now");
    }

    @Test
    void nothingPinnedForThePolicy() throws Exception {
        home.ssoProfiles("k");
        stand.cacheValidToken("corp");
        home.write(".claude/settings.json", "{\"env\": {\"AWS_PROFILE\": \"k\", \"AWS_REGION\": \"eu-west-1\"}}");
        Run policy = home.run("policy");
        Run unknown = home.run("policy", "--model", "eu.anthropic.claude-sonnet-9-v1:0");
        Set<List<String>> all = runSuggestions("eu-west-1", "k", policy, unknown);
        assertTrue(suggested(all, "models --profile k --region eu-west-1"), all.toString());
    }
}
