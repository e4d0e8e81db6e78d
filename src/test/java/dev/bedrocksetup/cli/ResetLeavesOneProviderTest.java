package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 17 item 5, reset side (decision 0039): reset puts back exactly what was there, and when what Claude Code then
 * reads still switches on two providers (the user's own switch beside one reset cannot remove, here Bedrock exported
 * in the shell), it says so with the one Claude Code uses and the fix; back to the user's single provider, it is quiet.
 */
class ResetLeavesOneProviderTest {
    static final String USERS_OWN = "{\n  \"env\": {\n    \"CLAUDE_CODE_USE_ANTHROPIC_AWS\": \"1\"\n  }\n}\n";

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();
    TempHome home;

    @BeforeEach
    void usersOwnProviderThenInit() throws Exception {
        home = aws.home();
        aws.stand().staticKeysProfile("dev", "dev", "us-east-1");
        home.write(".claude/settings.json", USERS_OWN);
        Run init = home.run("init", "--yes", "--skip-probe", "--profile", "dev", "--region", "us-east-1", "--model",
                "us.anthropic.claude-sonnet-4-5-20250929-v1:0");
        assertEquals(0, init.exit, init.toString());
        assertTrue(init.err.contains("also switches on CLAUDE_CODE_USE_ANTHROPIC_AWS"), init.err);
    }

    @Test
    void backToTheUsersOneProviderSaysNothingMore() throws Exception {
        Run reset = home.run("reset", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertEquals(USERS_OWN, home.read(".claude/settings.json"));
        assertFalse(reset.err.contains("providers are still switched on"), reset.err);
    }

    @Test
    void bedrockStillOnInTheShellBesideTheUsersProviderIsNamedWithTheFix() throws Exception {
        home.vars.put("CLAUDE_CODE_USE_BEDROCK", "1");
        Run reset = home.run("reset", "--yes");
        assertEquals(0, reset.exit, reset.toString());
        assertEquals(USERS_OWN, home.read(".claude/settings.json"), "the user's own switch is theirs: restored as it was");
        assertTrue(reset.err.contains("warning: 2 providers are still switched on: CLAUDE_CODE_USE_BEDROCK (Amazon "
                + "Bedrock, from shell environment), CLAUDE_CODE_USE_ANTHROPIC_AWS (Claude Platform on AWS, from user "
                + "settings); Claude Code uses Amazon Bedrock"), reset.err);
        assertTrue(reset.err.contains("remove the others' switches"), reset.err);
    }
}
