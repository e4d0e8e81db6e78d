package dev.bedrocksetup.wizard;

import dev.bedrocksetup.awsconfig.ProfileKind;
import dev.bedrocksetup.awsconfig.ProfileSummary;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.credentials.ProfileCredentials;
import dev.bedrocksetup.sso.Browser;
import dev.bedrocksetup.sso.LoginService;
import java.util.ArrayList;
import java.util.List;

/**
 * Which credentials Claude Code uses: an existing AWS profile (a legacy SSO one is offered migration; an SSO one
 * without a valid login is logged in), a new IAM Identity Center profile ({@link NewSsoProfile}), a Bedrock API key,
 * a new profile with an IAM user's access key ({@link AccessKeyProfile}), or the access keys in the shell's
 * environment.
 */
final class ProfileStep implements Wizard.Step {
    static final String QUESTION = "Which AWS profile should Claude Code use?";
    private static final String CREATE = "\u0000create";
    private static final String API_KEY = "\u0000api-key";
    private static final String AMBIENT = "\u0000ambient";
    private static final String KEYS = "\u0000access-key";

    @Override
    public void run(WizardState s) {
        s.newProfile = null;
        s.migrate = false;
        s.apiKey = null;
        s.useAmbient = false;
        s.accessKeys = null;
        if (s.given("auth", QUESTION) != null) {
            apiKey(s);
            return;
        }
        if (s.request.given("sso-start-url").answered()) {
            new NewSsoProfile().run(s);
            return;
        }
        if (s.request.given("access-key-id").answered()) {
            new AccessKeyProfile().run(s);
            return;
        }
        List<ProfileSummary> profiles = new ArrayList<>(s.config.listEditableProfiles());
        String pick = null;
        String given = s.request.given("profile").answered() ? s.request.given("profile").value().toString() : null;
        if (given != null && profiles.stream().anyMatch(p -> p.name().equals(given))) {
            pick = s.given("profile", QUESTION);
        } else if (given != null) {
            s.ask.say("! there is no AWS profile '" + given + "' in " + s.config.locations().configFile()
                    + ": choose one, or create it");
        }
        if (pick == null) {
            pick = ask(s, profiles);
        }
        if (pick.equals(CREATE)) {
            new NewSsoProfile().run(s);
        } else if (pick.equals(API_KEY)) {
            apiKey(s);
        } else if (pick.equals(KEYS)) {
            new AccessKeyProfile().run(s);
        } else if (pick.equals(AMBIENT)) {
            s.ask.say("  Claude Code will use the keys only when started from a shell that has them; no profile and "
                    + "no keys are written to settings");
            s.profile = null;
            s.useAmbient = true;
            s.sso = false;
        } else {
            String name = pick;
            existing(s, profiles.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow());
        }
    }

    private static String ask(WizardState s, List<ProfileSummary> profiles) {
        List<String> labels = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (ProfileSummary p : profiles) {
            labels.add(p.name() + "  " + s.marks.dot() + " " + describe(s, p));
            values.add(p.name());
        }
        labels.add("Create an IAM Identity Center (SSO) profile");
        values.add(CREATE);
        labels.add("Use a Bedrock API key");
        values.add(API_KEY);
        labels.add(AccessKeyProfile.CHOICE);
        values.add(KEYS);
        if (s.env.nonBlank("AWS_ACCESS_KEY_ID") != null && s.env.nonBlank("AWS_SECRET_ACCESS_KEY") != null) {
            labels.add("Use the access keys in this shell's environment (AWS_ACCESS_KEY_ID)");
            values.add(AMBIENT);
        }
        return s.select(QUESTION, labels, values, "profile", s.profile, 0);
    }

    private static void existing(WizardState s, ProfileSummary p) {
        s.profile = p.name();
        s.sso = p.kind() == ProfileKind.SSO_SESSION || p.kind() == ProfileKind.LEGACY_SSO;
        for (String problem : p.problems()) {
            s.ask.say("! " + problem);
        }
        if (p.kind() == ProfileKind.LEGACY_SSO) {
            s.migrate = s.ask.confirm("Profile " + p.name() + " is a legacy SSO profile: its login lasts about 8 "
                    + "hours. Migrate it to an [sso-session] that renews itself?", false);
        }
        if (s.sso && !s.request.flag("skip-login")) {
            loginIfNeeded(s);
        }
    }

    /**
     * An SSO profile without a valid login: log in now (renewing silently when it can), as `login` would. A saved
     * login that looks valid is shown to the portal once: when it refuses it (signed out, or revoked), a fresh login
     * is offered here, rather than each later step warning and going on.
     */
    private static void loginIfNeeded(WizardState s) {
        try {
            LoginService login = new LoginService(s.env, s.browser, s.ask::say, d -> Thread.sleep(d.toMillis()));
            boolean deviceCode = s.request.flag("use-device-code") || !Browser.canOpen(s.env);
            LoginService.Result r;
            try (var wait = s.ask.waiting("waiting for the login")) {
                r = login.login(s.profile, deviceCode, s.request.flag("no-browser"), false);
            }
            if (r.how == LoginService.How.STILL_VALID && refused(s)) {
                s.ask.say("! IAM Identity Center refuses the saved login of profile " + s.profile
                        + " (signed out, or revoked), although by its expiry it is still valid");
                if (!s.ask.confirm("Log in again now?", true)) {
                    return;
                }
                try (var wait = s.ask.waiting("waiting for the login")) {
                    r = login.login(s.profile, deviceCode, s.request.flag("no-browser"), true);
                }
            }
            if (r.how != LoginService.How.STILL_VALID) {
                s.ask.say(s.marks.check() + " Logged in (" + r.how.name().toLowerCase().replace('_', ' ') + ")");
            }
        } catch (BedrockSetupException e) {
            s.ask.say("! not logged in: " + e.getMessage() + (e.fix() == null ? "" : " (" + e.fix() + ")"));
        }
    }

    /** True when the portal refuses the saved login; other failures are the later steps' to tell. */
    private static boolean refused(WizardState s) {
        try {
            s.provider();
            return false;
        } catch (BedrockSetupException e) {
            return ProfileCredentials.loginRejected(e);
        }
    }

    /** A Bedrock API key: from AWS_BEARER_TOKEN_BEDROCK when set, else typed (never echoed). */
    private static void apiKey(WizardState s) {
        s.ask.say("  The key goes into Claude Code's settings env (AWS_BEARER_TOKEN_BEDROCK) and nowhere else;"
                + " a short-term key lasts at most 12 h and works only in its region");
        String fromEnv = s.env.nonBlank("AWS_BEARER_TOKEN_BEDROCK");
        if (fromEnv != null && invalidKey(fromEnv) == null) {
            s.ask.say(s.marks.check() + " Bedrock API key from AWS_BEARER_TOKEN_BEDROCK");
            s.apiKey = fromEnv;
        } else {
            s.apiKey = s.ask.secret("Bedrock API key", ProfileStep::invalidKey);
        }
        s.profile = null;
        s.sso = false;
    }

    private static String invalidKey(String v) {
        return v.startsWith("ABSK") || v.startsWith("bedrock-api-key-") ? null
                : "a Bedrock API key starts with ABSK (or bedrock-api-key- for short-term keys)";
    }

    private static String describe(WizardState s, ProfileSummary p) {
        String dot = " " + s.marks.dot() + " ";
        String kind = switch (p.kind()) {
            case SSO_SESSION -> "SSO";
            case LEGACY_SSO -> "SSO legacy" + dot + "8-hour sessions";
            case STATIC_KEYS -> "static keys";
            case ASSUME_ROLE -> "assume-role";
            case CREDENTIAL_PROCESS -> "credential_process";
            case WEB_IDENTITY -> "web identity";
            default -> "no credentials";
        };
        return kind + (p.detail() == null || p.detail().isEmpty() ? "" : dot + p.detail())
                + (p.problems().isEmpty() ? "" : dot + p.state().name().toLowerCase());
    }
}
