package dev.bedrocksetup.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.cli.WizardHook;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 5: the saved login looks valid by its expiry, but IAM Identity Center refuses it (signed out in the
 * portal, or revoked). The wizard says so once and offers a fresh login, then goes on with it; it does not warn in
 * each later step and go on to the model list without credentials.
 */
class RejectedLoginWizardTest {
    @TempDir
    Path dir;
    StandInHome stand;
    TempHome home;

    @BeforeEach
    void setUp() throws Exception {
        stand = new StandInHome(dir);
        home = stand.home;
        home.ssoProfiles("dev");
        home.write(".claude/settings.json", "{\n  \"theme\": \"dark\"\n}\n");
        stand.browser();
        stand.cacheValidToken("corp");
        stand.scenario.expireAccessTokens(); // the portal refuses the token the cache still calls valid
    }

    @AfterEach
    void tearDown() {
        WizardHook.use(null);
        stand.close();
    }

    @Test
    void aRefusedLoginIsSaidOnceAndLoggedInAgain() throws Exception {
        ScriptedPrompter p = new ScriptedPrompter("dev", "y", "us-west-2", "us.anthropic.claude-sonnet-4-5",
                Review.PROCEED);
        WizardHook.use(p);
        Run r = home.run("init");
        String said = String.join("\n", p.transcript);
        assertEquals(0, r.exit, r + "\n" + said);
        assertEquals(1, said.split("refuses the saved login", -1).length - 1, "said once: " + said);
        assertTrue(said.contains("Log in again now?"), "a fresh login offered: " + said);
        assertTrue(said.contains("✔ Logged in"), said);
        assertTrue(said.contains("✔ Identity: account 111122223333"), "the new login works: " + said);
        assertFalse(said.contains("AWS did not confirm") || said.contains("could not be read"),
                "no later step warns about the old login: " + said);
        assertTrue(home.read(".claude/settings.json").contains("\"AWS_PROFILE\": \"dev\""));
    }
}
