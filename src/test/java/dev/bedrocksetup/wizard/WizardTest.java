package dev.bedrocksetup.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.cli.WizardHook;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The wizard's branches with scripted answers, through `bedrock-setup init` itself. */
class WizardTest {
    static final String CONFIG = "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\n"
            + "sso_role_name = Dev\nregion = us-west-2\n\n[sso-session corp]\nsso_start_url = "
            + "https://example.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n\n"
            + "[profile old]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n"
            + "sso_account_id = 111122223333\nsso_role_name = Dev\n";
    static final String SETTINGS = "{\n  \"theme\": \"dark\"\n}\n";

    @TempDir
    Path dir;
    StandInHome stand;
    TempHome home;

    @BeforeEach
    void setUp() throws Exception {
        stand = new StandInHome(dir, StandInHome.sandbox()
                .addAccount("444455556666", "Alpha", "alpha@example.com", "Admin", "Dev"));
        home = stand.home;
        home.write(".aws/config", CONFIG);
        home.write(".claude/settings.json", SETTINGS);
        stand.browser();
    }

    @AfterEach
    void tearDown() {
        WizardHook.use(null);
        stand.close();
    }

    Run wizard(ScriptedPrompter p) {
        WizardHook.use(p);
        return home.run("init");
    }

    @Test
    void existingProfile() throws Exception {
        ScriptedPrompter p = new ScriptedPrompter("dev", "eu-west-1", "eu.anthropic.claude-sonnet-4-5", "Proceed");
        Run r = wizard(p);
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        assertTrue(p.finished());
        String text = home.read(".claude/settings.json");
        assertTrue(text.startsWith("{\n  \"theme\": \"dark\",\n  \"env\": {"), text);
        assertTrue(text.contains("\"AWS_REGION\": \"eu-west-1\""), text);
        assertTrue(text.contains("\"ANTHROPIC_MODEL\": \"eu.anthropic.claude-sonnet-4-5-20250929-v1:0\""), text);
        assertTrue(text.contains("login --profile dev\""), "the summary's default refresh: " + text);
        assertTrue(text.contains("\"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \"" + EU_HAIKU + "\""), "the recommended fast "
                + "model, not asked: " + text);
        assertTrue(p.transcript.stream().anyMatch(l -> l.contains("+    \"AWS_PROFILE\": \"dev\",")),
                "the diff was shown before asking");
        String said = String.join("\n", p.transcript);
        assertTrue(said.contains("✔ Logged in"), "an SSO profile without a login is logged in first: " + said);
        assertTrue(said.contains("✔ Identity: account 111122223333"), said);
        assertTrue(Files.exists(dir.resolve(".aws/sso/cache/" + dev.bedrocksetup.fs.TextFile.sha1Hex("corp") + ".json")));
        assertEquals(CONFIG, home.read(".aws/config"));
    }

    /**
     * A saved login's role credentials are fetched once per run: the rejected-login check, the identity line and the
     * model listing and tests all sign with the one GetRoleCredentials answer (each call issues new keys, so one
     * access key id across every signed call shows it); the chosen region's catalogue, read for the region list,
     * is not read again for the model list.
     */
    @Test
    void theRoleCredentialsAndTheChosenRegionsCatalogueAreReadOnceForTheWholeRun() throws Exception {
        stand.cacheValidToken("corp");
        ScriptedPrompter p = new ScriptedPrompter("dev", "eu-west-1", "eu.anthropic.claude-sonnet-4-5", "Proceed");
        Run r = wizard(p);
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        var log = stand.requestLog();
        assertEquals(1, log.of(dev.bedrocksetup.standin.Operation.GET_ROLE_CREDENTIALS).size(), log.toString());
        java.util.Set<String> keyIds = new java.util.HashSet<>();
        for (var op : List.of(dev.bedrocksetup.standin.Operation.GET_CALLER_IDENTITY,
                dev.bedrocksetup.standin.Operation.LIST_INFERENCE_PROFILES)) {
            assertFalse(log.of(op).isEmpty(), op + " was called: " + log);
            log.of(op).forEach(e -> keyIds.add(e.accessKeyId()));
        }
        assertEquals(1, keyIds.size(), "one set of credentials signs every call: " + keyIds);
        // one reading of a catalogue is two listings: the system-defined profiles and the application ones
        assertEquals(2, log.of(dev.bedrocksetup.standin.Operation.LIST_INFERENCE_PROFILES).stream()
                .filter(e -> "eu-west-1".equals(e.region())).count(), "the region list's reading of eu-west-1's "
                + "catalogue is the one the model list shows: " + log);
    }

    @Test
    void newSsoProfileWithLoginAndAccountChoice() throws Exception {
        ScriptedPrompter p = new ScriptedPrompter("Create an IAM Identity Center", "https://example.awsapps.com/start",
                "", "Alpha", "Admin", "us-east-1", "us.anthropic.claude-opus-5", "Customize", "", "us.anthropic.claude-haiku",
                "n", "awsCredentialExport", "bedrock-setup login", "", "user", "", "Proceed");
        Run r = wizard(p);
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        String config = home.read(".aws/config");
        assertTrue(config.startsWith(CONFIG), config);
        assertTrue(config.contains("[profile Admin-444455556666]\nsso_session = corp\n"), "same portal: its session "
                + "is reused: " + config);
        assertTrue(Files.exists(dir.resolve(".aws/sso/cache/" + dev.bedrocksetup.fs.TextFile.sha1Hex("corp") + ".json")),
                "the login's token is cached under the session the profile uses");
        String settings = home.read(".claude/settings.json");
        assertTrue(settings.contains("export-credentials --profile Admin-444455556666\""), settings);
        assertFalse(settings.contains("AWS_PROFILE"), "export mode keeps the profile out of env: " + settings);
        String said = String.join("\n", p.transcript);
        assertTrue(said.contains("✔ Identity: account 444455556666"), said);
        assertTrue(said.contains("Reading the Claude inference profiles of every Bedrock region"), said);
        assertFalse(said.contains("Reading the Claude inference profiles of us-east-1"), "the region list's reading "
                + "serves the model list: " + said);
        assertTrue(said.contains("✔ us.anthropic.claude-opus-5 answers"), said);
        assertEquals(0, home.run("reset", "--yes", "--remove-profile").exit);
        assertEquals(CONFIG, home.read(".aws/config"));
        assertEquals(SETTINGS, home.read(".claude/settings.json"));
    }

    @Test
    void legacyProfileMigrationIsOfferedDefaultNoAndDoneWhenAccepted() throws Exception {
        ScriptedPrompter declined = new ScriptedPrompter("old", "", "us-west-2", "us.anthropic.claude-sonnet-4-5",
                "Proceed");
        assertEquals(0, wizard(declined).exit, declined.transcript.toString());
        assertEquals(CONFIG, home.read(".aws/config"), "default No: the profile stays as it is");

        ScriptedPrompter accepted = new ScriptedPrompter("old", "y", "us-west-2", "us.anthropic.claude-sonnet-4-5",
                "Proceed");
        assertEquals(0, wizard(accepted).exit, accepted.transcript.toString());
        String config = home.read(".aws/config");
        assertTrue(config.contains("[profile old]\nsso_session = corp\n"), "the session for the same start URL is reused: " + config);
        assertEquals(0, home.run("reset", "--yes").exit);
        assertEquals(CONFIG, home.read(".aws/config"), "reset undoes the migration");
    }

    @Test
    void theShellsAccessKeys() throws Exception {
        var keys = stand.scenario.issueUserKeys("111122223333", "dev");
        home.vars.put("AWS_ACCESS_KEY_ID", keys.accessKeyId());
        home.vars.put("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey());
        ScriptedPrompter p = new ScriptedPrompter("Use the access keys in this shell", "us-east-1",
                "us.anthropic.claude-sonnet-4-5", "Proceed");
        Run r = wizard(p);
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        String text = home.read(".claude/settings.json");
        assertFalse(text.contains("AWS_PROFILE") || text.contains(keys.accessKeyId()), "nothing credential-like: " + text);
        assertTrue(String.join("\n", p.transcript).contains("✔ Identity: account 111122223333"), p.transcript.toString());
        assertFalse(String.join("\n", p.transcript).contains(keys.secretAccessKey()));
    }

    @Test
    void bedrockApiKey() throws Exception {
        String key = stand.scenario.issueApiKey("111122223333", "us-west-2", java.time.Duration.ofHours(1)).key();
        ScriptedPrompter p = new ScriptedPrompter("Use a Bedrock API key", "not-a-key", key, "us-west-2",
                "us.anthropic.claude-sonnet-4-5", "Proceed");
        Run r = wizard(p);
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        assertTrue(p.finished(), p.transcript.toString());
        String text = home.read(".claude/settings.json");
        assertTrue(text.contains("\"AWS_BEARER_TOKEN_BEDROCK\": \"" + key + "\""), text);
        assertFalse(text.contains("awsAuthRefresh"), "no refresh command for a key");
        assertFalse(String.join("\n", p.transcript).contains(key), "the key is never shown, even in the diff");
        assertTrue(p.transcript.stream().anyMatch(l -> l.startsWith("! a Bedrock API key starts with ABSK")));
        assertTrue(p.transcript.stream().anyMatch(l -> l.contains("✔ us.anthropic.claude-sonnet-4-5")
                && l.contains("answers")), "the key was probed: " + p.transcript);
    }

    @Test
    void anApiKeyIsNotOfferedAProjectFileAndTheScopeIsAskedAgain() throws Exception {
        String key = stand.scenario.issueApiKey("111122223333", "us-west-2", java.time.Duration.ofHours(1)).key();
        ScriptedPrompter p = new ScriptedPrompter("Use a Bedrock API key", key, "us-west-2",
                "us.anthropic.claude-sonnet-4-5", "Customize", "us.anthropic.claude-haiku", "n", "", "project", "managed",
                "local", "", "Proceed");
        Run r = wizard(p);
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        assertTrue(p.finished(), p.transcript.toString());
        assertTrue(p.transcript.stream().anyMatch(l -> l.startsWith("! a Bedrock API key does not go into project")),
                p.transcript.toString());
        assertTrue(home.read(".claude/settings.local.json").contains(key));
        assertFalse(home.read(".claude/settings.json").contains(key), "not in the project (here: user) file");
    }

    @Test
    void escGoesBackOneQuestionAndKeepsEarlierAnswers() throws Exception {
        ScriptedPrompter p = new ScriptedPrompter("dev", "eu-west-1", "<back>", "us-east-2",
                "us.anthropic.claude-sonnet-4-5", "<back>", "us.anthropic.claude-opus-5", "Customize",
                "us.anthropic.claude-haiku", "n", "AWS_PROFILE", "n", "none", "<back>", "aws sso login", "y", "64000",
                "16000", "local", "", "Proceed");
        Run r = wizard(p);
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        assertTrue(p.finished(), p.transcript.toString());
        String local = home.read(".claude/settings.local.json");
        assertTrue(local.contains("\"AWS_REGION\": \"us-east-2\""), local);
        assertTrue(local.contains("\"ANTHROPIC_MODEL\": \"us.anthropic.claude-opus-5\""), local);
        assertTrue(local.contains("\"awsAuthRefresh\": \"aws sso login --profile dev\""), local);
        assertTrue(local.contains("\"CLAUDE_CODE_MAX_OUTPUT_TOKENS\": \"64000\""), local);
        assertTrue(local.contains("\"MAX_THINKING_TOKENS\": \"16000\""), local);
    }

    @ParameterizedTest(name = "Ctrl-C at question {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void cancelAtAnyQuestionWritesNothing(int at) throws Exception {
        String[] answers = {"dev", "eu-west-1", "eu.anthropic.claude-sonnet-4-5", "Customize",
            "eu.anthropic.claude-haiku", "n", "AWS_PROFILE", "n", "bedrock-setup login"};
        answers[at] = "<cancel>";
        Run r = wizard(new ScriptedPrompter(java.util.Arrays.copyOf(answers, at + 1)));
        assertEquals(130, r.exit, r.toString());
        assertTrue(r.err.contains("Cancelled: nothing was written."), r.err);
        assertEquals(SETTINGS, home.read(".claude/settings.json"));
        assertEquals(CONFIG, home.read(".aws/config"));
        assertFalse(Files.exists(home.env().stateDirectory().resolve("journal.json")), "nothing journaled");
    }

    @Test
    void decliningTheReviewWritesNothing() throws Exception {
        ScriptedPrompter p = new ScriptedPrompter("dev", "eu-west-1", "eu.anthropic.claude-sonnet-4-5", "Cancel");
        Run r = wizard(p);
        assertEquals(0, r.exit);
        assertTrue(p.transcript.contains("Nothing was changed."), p.transcript.toString());
        assertEquals(SETTINGS, home.read(".claude/settings.json"));
    }

    static final String EU_SONNET = "eu.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String EU_HAIKU = "eu.anthropic.claude-haiku-4-5-20251001-v1:0";

    @Test
    void theManagedAllowlistFlagsReachTheWizardsFragmentAndOtherScopesRefuseThemBeforeAnyQuestion() throws Exception {
        ScriptedPrompter p = new ScriptedPrompter("dev", "eu-west-1", "eu.anthropic.claude-sonnet-4-5", "Proceed");
        Run r = wizard(p, "--scope", "managed", "--allow-model", "sonnet,haiku", "--enforce-models");
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        String fragment = home.read("managed/managed-settings.d/50-bedrock-setup.json");
        assertTrue(fragment.replaceAll("\\s", "").contains("\"availableModels\":[\"sonnet\",\"haiku\"]"), fragment);
        assertTrue(fragment.contains("\"enforceAvailableModels\": true"), fragment);

        ScriptedPrompter none = new ScriptedPrompter();
        Run user = wizard(none, "--allow-model", "sonnet");
        assertEquals(2, user.exit, user.toString());
        assertTrue(user.err.contains("--scope managed"), user.err);
        assertTrue(none.transcript.isEmpty(), "refused before any question: " + none.transcript);
    }

    /**
     * A settings file the wizard would write but cannot edit (here a trailing comma, which Claude Code would skip the
     * whole file for) is refused before the first question, with its line and column and the file untouched, not
     * after the last question; --yes refuses it with the same words.
     */
    @Test
    void anUneditableSettingsFileIsRefusedBeforeTheFirstQuestion() throws Exception {
        refusedBeforeTheProfileQuestion(".claude/settings.json", "{\"env\": {\"AWS_REGION\": \"us-east-1\",}}\n",
                "settings.json:1:", "the file was left untouched");
    }

    /**
     * So is an AWS config the AWS tools cannot read (a section header without its ']'), where the profiles are listed:
     * before, the wizard listed none from it without a word, and a --yes run said the profile did not exist.
     */
    @Test
    void anAwsConfigTheToolsCannotReadIsRefusedBeforeTheFirstQuestion() throws Exception {
        refusedBeforeTheProfileQuestion(".aws/config", "[profile dev\nregion = eu-west-1\n", ".aws/config", "line 1");
    }

    /** The wizard and --yes both stop on {@code broken} with exit 3 and {@code words}; no question; the file as it was. */
    private void refusedBeforeTheProfileQuestion(String file, String broken, String... words) throws Exception {
        home.write(file, broken);
        ScriptedPrompter none = new ScriptedPrompter();
        Run asked = wizard(none);
        Run yes = wizard(new ScriptedPrompter(), "--yes", "--profile", "dev", "--region", "eu-west-1", "--model",
                EU_SONNET);
        for (Run r : List.of(asked, yes)) {
            assertEquals(3, r.exit, r.toString());
            for (String w : words) {
                assertTrue(r.err.contains(w), r.err);
            }
        }
        // the prerequisites may have been said; no question was asked
        assertTrue(none.transcript.stream().noneMatch(l -> l.contains(ProfileStep.QUESTION)),
                "refused before the profile question: " + none.transcript);
        assertEquals(broken, home.read(file));
    }

    @Test
    void issue17FlagsAnswerTheirQuestionsAndAreWritten() throws Exception {
        ScriptedPrompter p = new ScriptedPrompter("dev", "eu-west-1", "eu.anthropic.claude-sonnet-4-5", "Proceed");
        Run r = wizard(p, "--service-tier", "flex", "--prompt-caching", "1h", "--region-prefix", "eu");
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        String text = home.read(".claude/settings.json");
        assertTrue(text.contains("\"ANTHROPIC_BEDROCK_SERVICE_TIER\": \"flex\""), text);
        assertTrue(text.contains("\"ENABLE_PROMPT_CACHING_1H\": \"1\""), text);
        assertTrue(text.contains("\"ANTHROPIC_BEDROCK_REGION_PREFIX\": \"eu\""), text);
    }

    @Test
    void customizeReachesIssue17sQuestionsAndTheirAnswersReachTheSettings() throws Exception {
        // ap-northeast-1: the catalogue has jp. profiles (only the setting selects them); Opus 4.6 takes [1m]
        ScriptedPrompter p = new ScriptedPrompter("dev", "ap-northeast-1", "apac.anthropic.claude-opus-4-6",
                "Customize", "", "y", "jp", "AWS_PROFILE", "y", "", "", "", "y", "flex", "1h", "Proceed");
        Run r = wizard(p);
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        assertTrue(p.finished(), p.transcript.toString());
        for (String q : new String[] {"Use the 1M-token context window", PrefixStep.QUESTION, CredentialsStep.SCRUB,
            AdvancedStep.QUESTION, AdvancedStep.TIER, AdvancedStep.CACHING}) {
            assertTrue(asked(p, q), q + " was not asked: " + said(p));
        }
        assertTrue(said(p).contains("scrubbing keeps AWS credentials out of the tools Claude Code runs"), said(p));
        assertTrue(said(p).contains("! --model has the prefix apac. and is sent as written: --region-prefix jp moves "
                + "only the models Claude Code picks itself"), "the summary warns as --yes does: " + said(p));
        String text = home.read(".claude/settings.json");
        assertTrue(text.contains("\"ANTHROPIC_MODEL\": \"apac.anthropic.claude-opus-4-6-v1[1m]\""), text);
        assertTrue(text.contains("\"ANTHROPIC_BEDROCK_REGION_PREFIX\": \"jp\""), text);
        assertTrue(text.contains("\"CLAUDE_CODE_SUBPROCESS_ENV_SCRUB\": \"1\""), text);
        assertTrue(text.contains("\"ANTHROPIC_BEDROCK_SERVICE_TIER\": \"flex\""), text);
        assertTrue(text.contains("\"ENABLE_PROMPT_CACHING_1H\": \"1\""), text);
        assertTrue(text.contains("\"AWS_PROFILE\": \"dev\""), text);
    }

    @Test
    void theFableQuestionIsAskedWhereTheCatalogueHasAFableProfileAndItsPinIsWritten() throws Exception {
        // ap-southeast-2: the stand-in's catalogue has au.anthropic.claude-fable-5 (and au. profiles: the prefix)
        ScriptedPrompter p = new ScriptedPrompter("dev", "ap-southeast-2", "apac.anthropic.claude-sonnet-4-5",
                "Customize", "", "au.anthropic.claude-fable-5", "n", "", "AWS_PROFILE", "n", "", "", "", "", "Proceed");
        Run r = wizard(p);
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        assertTrue(p.finished(), p.transcript.toString());
        String fable = p.transcript.stream().filter(l -> l.startsWith("? " + FableStep.QUESTION)).findFirst()
                .orElseThrow(() -> new AssertionError(said(p)));
        assertTrue(fable.contains("au.anthropic.claude-fable-5  · Claude Fable 5"), fable);
        assertTrue(home.read(".claude/settings.json").contains(
                "\"ANTHROPIC_DEFAULT_FABLE_MODEL\": \"au.anthropic.claude-fable-5\""), home.read(".claude/settings.json"));
        assertTrue(said(p).contains("Fable model        au.anthropic.claude-fable-5"), "the summary shows it: " + said(p));

        ScriptedPrompter elsewhere = new ScriptedPrompter("dev", "eu-west-1", "eu.anthropic.claude-sonnet-4-5",
                "Customize", "", "n", "AWS_PROFILE", "n", "", "", "", "", "Proceed");
        assertEquals(0, wizard(elsewhere).exit, elsewhere.transcript.toString());
        assertTrue(elsewhere.finished(), elsewhere.transcript.toString());
        assertFalse(asked(elsewhere, FableStep.QUESTION), "no Fable profile in eu-west-1: " + said(elsewhere));
    }

    @Test
    void withoutCustomizeNoneOfIssue17sQuestionsIsAskedAndNothingOfThemIsWritten() throws Exception {
        ScriptedPrompter p = new ScriptedPrompter("dev", "ap-northeast-1", "apac.anthropic.claude-opus-4-6", "Proceed");
        Run r = wizard(p);
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        assertTrue(p.finished(), p.transcript.toString());
        String text = home.read(".claude/settings.json");
        for (String key : new String[] {"REGION_PREFIX", "SERVICE_TIER", "PROMPT_CACHING", "SUBPROCESS_ENV_SCRUB",
            "[1m]"}) {
            assertFalse(text.contains(key), key + ": " + text);
        }
        assertTrue(said(p).contains("Region prefix      apac. (derived from the region)"), "the summary shows the "
                + "default: " + said(p));
    }

    @Test
    void aModelThatFailedItsTestIsNotPreselectedAndTheListNamesModels() throws Exception {
        stand.scenario.grantOnly("111122223333", "eu-west-1", "anthropic.claude-haiku-4-5-20251001-v1:0",
                "anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-opus-4-6-v1");
        // the recommended primary is not granted: its test fails, it is not kept, and the list opens elsewhere
        // Enter each time: eu. Opus 5 fails (not kept), then global. Opus 5 (not kept), then Opus 4.6 answers
        ScriptedPrompter p = new ScriptedPrompter("dev", "eu-west-1", "", "n", "", "n", "", "Proceed");
        Run r = wizard(p);
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        List<String> lists = p.transcript.stream().filter(l -> l.startsWith("? " + ModelsStep.PRIMARY)).toList();
        assertEquals(3, lists.size(), said(p));
        assertTrue(said(p).contains("Testing global.anthropic.claude-opus-5"), "the second list did not open on the "
                + "failed eu. model: " + said(p));
        assertTrue(lists.get(0).contains("eu.anthropic.claude-sonnet-4-5-20250929-v1:0  · Claude Sonnet 4.5"),
                lists.get(0));
        String failed = p.transcript.stream().filter(l -> l.contains("✘") && l.contains("anthropic.claude"))
                .findFirst().orElseThrow(() -> new AssertionError(said(p)));
        String text = home.read(".claude/settings.json");
        assertTrue(lists.get(1).contains("✘ failed its test"), lists.get(1));
        assertFalse(text.contains("claude-opus-5"), "the failed model was not taken again by Enter: " + text + failed);
        assertTrue(text.contains("\"ANTHROPIC_MODEL\": \"eu.anthropic.claude-opus-4-6-v1\""), "Enter took the first "
                + "model that did not fail: " + text);
    }

    Run wizard(ScriptedPrompter p, String... args) {
        WizardHook.use(p);
        String[] all = new String[args.length + 1];
        all[0] = "init";
        System.arraycopy(args, 0, all, 1, args.length);
        return home.run(all);
    }

    private static String said(ScriptedPrompter p) {
        return String.join("\n", p.transcript);
    }

    /** The questions asked (not the answered lines), one per line of the transcript. */
    private static boolean asked(ScriptedPrompter p, String question) {
        return p.transcript.stream().anyMatch(l -> l.startsWith("? " + question));
    }

    @Test
    void eachFlagAnswersItsQuestionAndTheWizardAsksOnlyTheRest() throws Exception {
        ScriptedPrompter p = new ScriptedPrompter("Proceed");
        Run r = wizard(p, "--profile", "dev", "--region", "eu-west-1", "--model", EU_SONNET, "--scope", "local");
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        assertTrue(p.finished(), p.transcript.toString());
        String said = said(p);
        assertTrue(said.contains("✔ Which AWS profile should Claude Code use? dev (from --profile)"), said);
        assertTrue(said.contains("✔ Which Bedrock region? eu-west-1 (from --region)"), said);
        assertTrue(said.contains("✔ Primary model (ANTHROPIC_MODEL)? " + EU_SONNET + " (from --model)"), said);
        assertTrue(said.contains("✔ Which settings file? local (from --scope)"), said);
        for (String q : new String[] {"Which AWS profile", "Which Bedrock region?", "Primary model", "Which settings"}) {
            assertFalse(asked(p, q), q + " was asked although a flag answered it: " + said);
        }
        String local = home.read(".claude/settings.local.json");
        assertTrue(local.contains("\"AWS_REGION\": \"eu-west-1\""), local);
        assertTrue(local.contains("\"ANTHROPIC_MODEL\": \"" + EU_SONNET + "\""), local);
        assertEquals(SETTINGS, home.read(".claude/settings.json"), "--scope local: the user file is left alone");
    }

    @Test
    void thePresetAnswersWhatNoFlagDoesAndFlagsWin() throws Exception {
        Path preset = home.write("team.json", "{\"profile\": \"dev\", \"region\": \"us-east-1\", \"model\": \""
                + EU_SONNET + "\", \"haiku-model\": \"" + EU_HAIKU + "\", \"credentials\": \"export\", "
                + "\"auth-refresh\": \"none\", \"scope\": \"user\", \"max-output-tokens\": 32000}");
        ScriptedPrompter p = new ScriptedPrompter("Proceed");
        Run r = wizard(p, "--preset", preset.toString(), "--region", "eu-west-1");
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        assertTrue(p.finished(), "only the summary was asked: " + p.transcript);
        String said = said(p);
        assertTrue(said.contains("✔ Which Bedrock region? eu-west-1 (from --region)"), said);
        assertTrue(said.contains("✔ Which AWS profile should Claude Code use? dev (from preset team.json)"), said);
        assertTrue(said.contains("✔ How should Claude Code get its AWS credentials? export (from preset team.json)"),
                said);
        assertTrue(said.contains("✔ Which settings file? user (from preset team.json)"), said);
        String text = home.read(".claude/settings.json");
        assertTrue(text.contains("export-credentials --profile dev\""), text);
        assertTrue(text.contains("\"CLAUDE_CODE_MAX_OUTPUT_TOKENS\": \"32000\""), text);
    }

    @Test
    void aDryRunShowsTheDiffAndWritesNothing() throws Exception {
        ScriptedPrompter p = new ScriptedPrompter("dev", "eu-west-1", "eu.anthropic.claude-sonnet-4-5", "Proceed");
        Run r = wizard(p, "--dry-run");
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        String said = said(p);
        assertTrue(said.contains("+    \"AWS_PROFILE\": \"dev\","), "the diff was shown: " + said);
        assertTrue(said.contains("Dry run: nothing was written."), said);
        assertFalse(said.contains("✔ Done."), said);
        assertEquals(SETTINGS, home.read(".claude/settings.json"), "byte-identical");
        assertEquals(CONFIG, home.read(".aws/config"), "byte-identical");
        assertFalse(Files.exists(home.env().stateDirectory().resolve("journal.json")), "nothing journaled");
    }

    @Test
    void aReRunOpensEveryListOnTheCurrentValueAndAcceptedThroughoutChangesNothing() throws Exception {
        Run first = home.run("init", "--yes", "--profile", "dev", "--region", "eu-west-1", "--model", EU_SONNET,
                "--haiku-model", EU_HAIKU, "--auth-refresh", "login", "--skip-probe");
        assertEquals(0, first.exit, first.toString());
        String settings = home.read(".claude/settings.json");
        String journal = Files.readString(home.env().stateDirectory().resolve("journal.json"));

        // profile, region, model, the summary; Customize: fast model, 1M, credentials, scrub, refresh, tokens, scope,
        // advanced; the summary again
        ScriptedPrompter p = new ScriptedPrompter("", "", "", "Customize", "", "", "", "", "", "", "", "", "");
        Run r = wizard(p);
        assertEquals(0, r.exit, r + "\n" + p.transcript);
        assertTrue(p.finished(), p.transcript.toString());
        List<String> lists = p.transcript.stream().filter(l -> l.startsWith("? ") && l.contains("] -> ")
                && !l.startsWith("? " + Review.QUESTION)).toList();
        assertEquals(7, lists.size(), "profile, region, two models, credentials, refresh, scope: " + p.transcript);
        for (String list : lists) {
            assertTrue(list.contains("(current)"), "the current value is marked: " + list);
        }
        String said = said(p);
        assertTrue(said.contains("nothing to change"), said);
        assertFalse(asked(p, "Apply these changes?"), "no confirmation for an empty diff: " + said);
        assertEquals(settings, home.read(".claude/settings.json"));
        assertEquals(journal, Files.readString(home.env().stateDirectory().resolve("journal.json")));

        Run again = home.run("init", "--yes");
        assertEquals(0, again.exit, again.toString());
        assertTrue(again.err.contains("using profile dev and region eu-west-1 from ~/.claude/settings.json"),
                again.err);
        assertTrue(again.err.contains("nothing to change"), again.err);
    }

    @Test
    void theWizardRecommendsTheRegionModelsAllRegionsRecommends() throws Exception {
        stand.userKeys("keys", "dev");
        ScriptedPrompter p = new ScriptedPrompter("keys", "<cancel>");
        assertEquals(130, wizard(p).exit, p.transcript.toString());
        String regions = p.transcript.stream().filter(l -> l.startsWith("? Which Bedrock region?")).findFirst()
                .orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[([a-z0-9-]+)  · (\\d+) Claude profiles[^,]*"
                + "\\(recommended\\)").matcher(regions);
        assertTrue(m.find(), "the first region is the recommended one, with its count: " + regions);
        Run models = home.run("models", "--profile", "keys", "--all-regions");
        assertEquals(0, models.exit, models.toString());
        assertTrue(models.out.contains("Recommended default region: " + m.group(1) + "\n"), m.group(1) + " vs "
                + models.out);
    }
}
