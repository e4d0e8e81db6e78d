package dev.bedrocksetup.wizard;

import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.credentials.ProfileCredentials;
import dev.bedrocksetup.awsconfig.AwsConfigService;
import dev.bedrocksetup.bedrock.Catalogue;
import dev.bedrocksetup.awsconfig.StaticKeysRequest;
import dev.bedrocksetup.bedrock.ModelIds;
import dev.bedrocksetup.bedrock.ModelProbe;
import dev.bedrocksetup.claude.BedrockSettings;
import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.claude.SettingsService;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Style;
import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.setup.Answer;
import dev.bedrocksetup.setup.SetupRequest;
import dev.bedrocksetup.setup.SsoProfileSetup;
import dev.bedrocksetup.sso.Browser;
import dev.bedrocksetup.sso.SsoPortal;
import dev.bedrocksetup.sso.SsoToken;
import dev.bedrocksetup.sso.SsoTokenCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * What the wizard's steps share: the request they start from, the services they call, how they ask, and the
 * answers so far. A step reads the request first: an answer given by a flag or the preset is shown as answered and
 * not asked; a list opens on the answer given before (after Esc), else on the value in force, marked "(current)".
 */
final class WizardState {
    final Environment env;
    final Prompter ask;
    /** The symbols to print (ASCII where the terminal does not decode UTF-8), without colour: say() escapes. */
    final Style marks;
    final AwsConfigService config;
    final SettingsService settings;
    final Browser browser;
    final Path projectDir;
    final String selfCommand;
    final SetupRequest request;
    final boolean dryRun;

    // the answers, filled in step by step
    String profile;
    SsoProfileSetup.Answers newProfile;
    /** The new profile's session is a new one named by default (not given, not reused): Customize may rename it. */
    boolean newSessionNamed;
    /** The session name the new profile's login cached its token under (Customize may rename the session later). */
    String loginSession;
    /** A new profile with an IAM user's keys (written at the review; its region is the Bedrock region). */
    StaticKeysRequest accessKeys;
    String apiKey;
    BedrockSettings.CredentialsMode credentialsMode = BedrockSettings.CredentialsMode.ENV;
    boolean useAmbient;
    /** The credentials {@link #provider()} resolved, and the choice they were resolved for. */
    private AwsCredentialsProvider resolved;
    private List<Object> resolvedFor;
    boolean migrate;
    boolean sso;
    String region;
    String model;
    String haiku;
    BedrockSettings.AuthRefresh refresh;
    Integer maxOutput;
    Integer maxThinking;
    SettingsScope scope;
    // issue 17's settings, asked under Customize: null leaves the key as it is (the value in force, or unset)
    String fable;
    boolean oneMillion;
    String regionPrefix;
    String serviceTier;
    String promptCaching;
    Boolean scrub;

    /** True while Customize asks the questions the summary answered with defaults; false: defaults taken silently. */
    boolean customizing;
    /** The region's catalogue as the model step read it (null: the built-in list), for the Customize questions. */
    Catalogue catalogue;
    /** The regions' catalogues the region step read, and the choice of credentials it read them with. */
    private Map<String, Catalogue> regionCatalogues = Map.of();
    private List<Object> regionCataloguesFor;
    /** The model IDs the model step offered, and the fast model it recommends. */
    List<String> modelIds = List.of();
    String recommendedHaiku;
    /** Models that failed their test and were not kept: never preselected again. */
    final Set<String> failedModels = new HashSet<>();

    WizardState(Environment env, Prompter ask, AwsConfigService config, SettingsService settings, Browser browser,
            Path projectDir, String selfCommand, SetupRequest request, boolean dryRun) {
        this.env = env;
        this.ask = ask;
        this.marks = ask.style().withoutColor();
        this.config = config;
        this.settings = settings;
        this.browser = browser;
        this.projectDir = projectDir;
        this.selfCommand = selfCommand;
        this.request = request;
        this.dryRun = dryRun;
    }

    /**
     * The answer a flag or the preset gave for {@code key}, shown as an answered question ("✔ Which Bedrock region?
     * eu-west-1 (from --region)"); null when none was given, and the step asks.
     */
    String given(String key, String question) {
        Answer<Object> a = request.given(key);
        if (!a.answered()) {
            return null;
        }
        ask.say(marks.check() + " " + question + " " + a.value() + " (from " + a.source() + ")");
        return a.value().toString();
    }

    /**
     * A list whose items stand for {@code values}: the item of the current value (in force now) is marked
     * "(current)"; the list opens on {@code previous} (an answer given before Esc), else on the current value, else
     * on {@code fallback}. Returns the value picked.
     */
    String select(String question, List<String> labels, List<String> values, String key, String previous,
            int fallback) {
        String current = request.currentText(key);
        List<String> shown = new ArrayList<>(labels);
        int at = current == null ? -1 : values.indexOf(current);
        if (at >= 0) {
            shown.set(at, shown.get(at) + "  (current)");
        }
        int initial = previous != null && values.contains(previous) ? values.indexOf(previous) : at >= 0 ? at
                : Math.max(0, fallback);
        return values.get(ask.select(question, shown, initial));
    }

    /**
     * A question the summary answers with a default and Customize asks. Not customizing: the value in force now
     * (the current setting), else {@code fallback}, taken without asking, so the summary shows today's defaults
     * whatever an earlier pass chose. Customizing: the list opens on {@code now} (the summary's value).
     */
    String option(String question, List<String> labels, List<String> values, String key, String now, int fallback) {
        if (customizing) {
            return select(question, labels, values, key, now, fallback);
        }
        String current = request.currentText(key);
        return current != null && values.contains(current) ? current : values.get(Math.max(0, fallback));
    }

    /** A yes/no the summary answers with {@code now} and Customize asks. */
    boolean optionConfirm(String question, boolean now) {
        return customizing ? ask.confirm(question, now) : now;
    }

    /**
     * The credentials the choice so far gives (a new profile's from its login), or null for an API key. Resolved once
     * per choice: an SSO profile's resolution is a GetRoleCredentials call that issues new keys, and the login check,
     * the identity line, the model listing and the model tests all need the same ones.
     */
    AwsCredentialsProvider provider() {
        if (apiKey != null) {
            return null;
        }
        List<Object> choice = credentialsChoice();
        if (!choice.equals(resolvedFor)) {
            resolved = resolve();
            resolvedFor = choice;
        }
        return resolved;
    }

    /**
     * The chosen region's catalogue as the region step read it, when it was read with the credentials in force now;
     * null otherwise (another profile chosen since, or that region's reading failed).
     */
    Catalogue regionCatalogueRead() {
        return apiKey == null && credentialsChoice().equals(regionCataloguesFor) ? regionCatalogues.get(region) : null;
    }

    /** Keeps the regions' catalogues the region step read with the credentials of the choice so far. */
    void regionCataloguesRead(Map<String, Catalogue> read) {
        regionCatalogues = Map.copyOf(read);
        regionCataloguesFor = credentialsChoice();
    }

    /** What the credentials depend on. */
    private List<Object> credentialsChoice() {
        return Arrays.asList(profile, useAmbient, accessKeys, loginSession, newProfile == null ? null
                : List.of(newProfile.ssoRegion, newProfile.accountId, newProfile.roleName));
    }

    private AwsCredentialsProvider resolve() {
        if (accessKeys != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeys.accessKeyId(),
                    accessKeys.secretAccessKey()));
        }
        if (useAmbient) {
            return StaticCredentialsProvider.create(new ProfileCredentials(env).resolveForCommand(null).credentials());
        }
        if (newProfile != null) {
            SsoToken token = new SsoTokenCache(env.home(), new AtomicFileWriter()).read(loginSession);
            Region r = Region.of(newProfile.ssoRegion);
            try (AwsClients clients = AwsClients.builder(env).region(r).build()) {
                var rc = new SsoPortal(clients.sso(r)).credentials(token.accessToken, newProfile.accountId,
                        newProfile.roleName);
                return StaticCredentialsProvider.create(AwsSessionCredentials.create(rc.accessKeyId(),
                        rc.secretAccessKey(), rc.sessionToken()));
            }
        }
        return StaticCredentialsProvider.create(new ProfileCredentials(env).resolve(profile).credentials());
    }

    /** Clients for the chosen region with the chosen credentials; null when they cannot be had (said why). */
    AwsClients bedrockClients() {
        try {
            return ModelProbe.clients(env, region, apiKey != null ? null : provider(), apiKey);
        } catch (BedrockSetupException e) {
            ask.say("! " + e.getMessage() + (e.fix() == null ? "" : " (" + e.fix() + ")"));
            return null;
        }
    }

    /** The settings the answers so far turn into. */
    BedrockSettings wanted() {
        return wanted(ignored -> { });
    }

    /** The same, with {@code warn} receiving a line for a choice that works but may not do what is meant. */
    BedrockSettings wanted(java.util.function.Consumer<String> warn) {
        BedrockSettings s = new BedrockSettings();
        s.region = region;
        s.profile = profile;
        s.apiKey = apiKey;
        s.credentials = credentialsMode;
        s.model = ModelIds.require("model", oneMillion ? model + "[1m]" : model, region, true);
        s.opusModel = pin("opus-model");
        s.sonnetModel = pin("sonnet-model");
        s.haikuModel = haiku;
        // issue 17's settings: the wizard's answers join the request as given ones, checked as a flag's would be
        SetupRequest r = request;
        r = withAnswer(r, "fable-model", fable);
        r = withAnswer(r, "region-prefix", regionPrefix);
        r = withAnswer(r, "service-tier", serviceTier);
        r = withAnswer(r, "prompt-caching", promptCaching);
        r = withAnswer(r, "scrub-subprocess-env", Boolean.TRUE.equals(scrub) ? Boolean.TRUE : null);
        dev.bedrocksetup.setup.SurfaceAnswers.applyGiven(r, s, warn);
        dev.bedrocksetup.setup.ModelPolicyAnswers.apply(request, s); // --allow-model, --enforce-models (managed only)
        if (Boolean.FALSE.equals(scrub)) {
            s.subprocessEnvScrub = false; // a no to the question takes a scrub in force away
        }
        s.authRefresh = refresh;
        s.maxOutputTokens = maxOutput;
        s.maxThinkingTokens = maxThinking;
        s.selfCommand = selfCommand;
        return s;
    }

    /** The request with the wizard's answer for {@code key}, unless a flag or the preset gave it already. */
    private static SetupRequest withAnswer(SetupRequest r, String key, Object value) {
        return value == null || r.given(key).answered() ? r : r.with(key, value, "the wizard");
    }

    /** A tier pin the wizard does not ask about: given by a flag or the preset, checked for the region. */
    private String pin(String key) {
        Answer<Object> a = request.given(key);
        return a.answered() ? ModelIds.require("--" + key, a.value().toString(), region, false) : null;
    }
}
