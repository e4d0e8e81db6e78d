package dev.bedrocksetup.wizard;

import dev.bedrocksetup.awsconfig.SsoInputValidation;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.setup.SsoProfileSetup;
import dev.bedrocksetup.sso.SsoPortal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sso.model.AccountInfo;

/**
 * A new IAM Identity Center profile: start URL and SSO region (each from a flag or the preset when given), then the
 * one login and discovery flow of {@link SsoProfileSetup}, choosing with the wizard's lists. The session and profile
 * names take their defaults (an existing session for the same portal is reused); the summary shows them and
 * Customize renames them ({@link NamesStep}). The profile is written at the review, with everything else.
 */
final class NewSsoProfile {
    void run(WizardState s) {
        SsoProfileSetup.Answers a = SsoProfileSetup.Answers.from(s.request);
        s.newSessionNamed = false;
        a.startUrl = s.given("sso-start-url", "IAM Identity Center start URL");
        if (a.startUrl != null) {
            SsoInputValidation.startUrl(a.startUrl);
            String unfamiliar = SsoInputValidation.unfamiliarPortal(a.startUrl);
            if (unfamiliar != null) {
                s.ask.say("! " + unfamiliar);
            }
        }
        while (a.startUrl == null) {
            a.startUrl = s.ask.text("IAM Identity Center start URL", null,
                    v -> valid(() -> SsoInputValidation.startUrl(v)));
            String unfamiliar = SsoInputValidation.unfamiliarPortal(a.startUrl);
            if (unfamiliar != null && !s.ask.confirm("Warning: " + unfamiliar + ". Use it anyway?", false)) {
                a.startUrl = null;
            }
        }
        a.ssoRegion = s.given("sso-region", "IAM Identity Center region");
        if (a.ssoRegion == null) {
            a.ssoRegion = s.ask.text("IAM Identity Center region", "us-east-1",
                    v -> valid(() -> SsoInputValidation.region(v, "SSO region")));
        }
        a.sessionName = s.given("sso-session", "Name for the SSO session");
        String existing = s.config.sessionToUse("\u0000", a.startUrl, a.ssoRegion);
        if (a.sessionName == null && !existing.equals("\u0000")) {
            a.sessionName = existing;
            s.ask.say("  Using the existing [sso-session " + existing + "] for this portal");
        } else if (a.sessionName == null) {
            a.sessionName = SsoProfileSetup.defaultSessionName(a.startUrl); // shown in the summary; Customize renames
            s.newSessionNamed = true;
        }
        if (!a.skipLogin || a.accountId == null || a.roleName == null) {
            if (a.skipLogin) {
                throw BedrockSetupException.usage("without a login, the account and role must be given",
                        "add --account-id and --role-name, or drop --skip-login to discover them");
            }
            new SsoProfileSetup(s.env, s.config, s.ask::say, s.browser, Duration.ofMinutes(10)).discover(a,
                    new Chooser(s));
        }
        a.profile = s.given("profile", NamesStep.PROFILE);
        if (a.profile == null) {
            a.profile = a.roleName + "-" + a.accountId; // shown in the summary; Customize renames
        }
        s.loginSession = a.sessionName;
        s.newProfile = a;
        s.profile = a.profile;
        s.sso = true;
    }

    /** Several accounts or roles: the user picks from a list. */
    private record Chooser(WizardState s) implements SsoProfileSetup.Chooser {
        @Override
        public AccountInfo account(List<AccountInfo> accounts) {
            List<String> labels = new ArrayList<>();
            accounts.forEach(x -> labels.add(SsoPortal.label(x)));
            return accounts.get(s.ask.select("Which AWS account?", labels, 0));
        }

        @Override
        public String role(List<String> roles, String accountId) {
            return roles.get(s.ask.select("Which role?", roles, 0));
        }
    }

    static String valid(Runnable check) {
        try {
            check.run();
            return null;
        } catch (BedrockSetupException e) {
            return e.getMessage();
        }
    }
}
