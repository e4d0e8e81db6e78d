package dev.bedrocksetup.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.Examples;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `reset --remove-profile` removes the profile init created, but not an [sso-session] another profile now uses. */
class RemoveProfileKeepsSharedSessionTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String EXISTING = "# my profiles\n[profile keys]\nregion = eu-west-1\n";
    static final String MINE = "\n[profile other]\nsso_session = example\nsso_account_id = 111122223333\n"
            + "sso_role_name = ReadOnly\n";

    @TempDir
    Path dir;

    @Test
    void aSessionAnotherProfileUsesIsKeptAndTheReasonSaid() throws Exception {
        TempHome home = new TempHome(dir);
        home.write(".aws/config", EXISTING);
        Run init = home.run("init", "--yes", "--sso-start-url", Examples.START_URL, "--sso-region",
                "us-east-1", "--account-id", Examples.ACCOUNT, "--role-name", "Dev", "--profile", "dev", "--skip-login",
                "--skip-probe", "--region", "us-west-2", "--model", SONNET);
        assertEquals(0, init.exit, init.toString());
        assertTrue(home.read(".aws/config").contains("[sso-session example]"));
        home.append(".aws/config", MINE); // the user points a profile of their own at the same session
        Run reset = home.run("reset", "--yes", "--remove-profile");
        assertEquals(0, reset.exit, reset.toString());
        String config = home.read(".aws/config");
        assertFalse(config.contains("[profile dev]"), "the profile init created is gone: " + config);
        assertTrue(config.contains("[sso-session example]\nsso_start_url = https://example.awsapps.com/start\n"),
                "the session profile 'other' needs stays: " + config);
        assertTrue(config.contains(MINE), config);
        assertTrue(reset.err.contains("[sso-session example]: kept, because profile 'other' still uses it"),
                reset.toString());
    }
}
