package dev.bedrocksetup.wizard;

import dev.bedrocksetup.awsconfig.SsoInputValidation;
import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.sso.SsoToken;
import dev.bedrocksetup.sso.SsoTokenCache;

/**
 * Under Customize, for a new IAM Identity Center profile: its name, and the name of its new SSO session (a session
 * reused for the same portal, or named by a flag, keeps its name). The login was made before under the default name,
 * so a renamed session takes that token along when the changes are applied ({@link #carryToken}).
 */
final class NamesStep implements Wizard.Step {
    static final String PROFILE = "Profile name";
    static final String SESSION = "Name for the SSO session";

    @Override
    public void run(WizardState s) {
        if (s.newProfile == null || !s.customizing) {
            return;
        }
        if (!s.request.given("profile").answered()) {
            s.newProfile.profile = s.ask.text(PROFILE, s.newProfile.profile,
                    v -> NewSsoProfile.valid(() -> SsoInputValidation.profileName(v)));
            s.profile = s.newProfile.profile;
        }
        if (s.newSessionNamed) {
            s.newProfile.sessionName = s.ask.text(SESSION, s.newProfile.sessionName,
                    v -> NewSsoProfile.valid(() -> SsoInputValidation.sessionName(v)));
        }
    }

    /** Called once the changes are written: the login's token, cached under the session's first name, follows a rename. */
    static void carryToken(WizardState s) {
        if (s.newProfile == null || !s.newSessionNamed) {
            return;
        }
        String loggedInAs = s.loginSession;
        if (loggedInAs == null || loggedInAs.equals(s.newProfile.sessionName)) {
            return;
        }
        SsoTokenCache cache = new SsoTokenCache(s.env.home(), new AtomicFileWriter());
        SsoToken token = cache.read(loggedInAs);
        if (token != null) {
            cache.write(s.newProfile.sessionName, token);
        }
    }
}
