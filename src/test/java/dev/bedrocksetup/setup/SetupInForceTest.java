package dev.bedrocksetup.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.bedrocksetup.claude.BedrockSettings;
import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.testing.TempHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupInForceTest {
    @TempDir
    Path dir;

    private Path write(String rel, String text) throws Exception {
        Path f = dir.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsWhatInitWroteWithTheFileItCameFrom() throws Exception {
        TempHome h = new TempHome(dir);
        write(".claude/settings.json", "{\"env\":{\"CLAUDE_CODE_USE_BEDROCK\":\"1\",\"AWS_PROFILE\":\"k\","
                + "\"AWS_REGION\":\"eu-west-1\",\"ANTHROPIC_MODEL\":\"eu.anthropic.claude-sonnet-4-5-20250929-v1:0\"},"
                + "\"awsAuthRefresh\":\"bedrock-setup login --profile k\"}");
        SetupInForce s = SetupInForce.read(h.env(), dir);
        assertEquals(new Answer<>("k", "~/.claude/settings.json"), s.profile());
        assertEquals("eu-west-1", s.region().value());
        assertEquals(BedrockSettings.CredentialsMode.ENV, s.credentials().value());
        assertEquals(BedrockSettings.AuthRefresh.LOGIN, s.authRefresh().value());
        assertEquals(SettingsScope.USER, s.scope().value());
        assertEquals(java.util.List.of("eu.anthropic.claude-sonnet-4-5-20250929-v1:0"), s.models());
        assertEquals("using profile k and region eu-west-1 from ~/.claude/settings.json",
                SetupInForce.usingLine(s.profile(), s.region()));
    }

    @Test
    void theExportCommandNamesTheProfile() throws Exception {
        TempHome h = new TempHome(dir);
        write(".claude/settings.json", "{\"env\":{\"AWS_REGION\":\"us-west-2\"},"
                + "\"awsCredentialExport\":\"/opt/bedrock-setup export-credentials --profile team\"}");
        SetupInForce s = SetupInForce.read(h.env(), dir);
        assertEquals("team", s.profile().value());
        assertEquals(BedrockSettings.CredentialsMode.EXPORT, s.credentials().value());
    }

    @Test
    void aFlagIsNotReportedAsComingFromTheSetup() throws Exception {
        TempHome h = new TempHome(dir);
        h.vars.put("AWS_REGION", "us-east-2");
        SetupInForce s = SetupInForce.read(h.env(), dir);
        assertEquals(new Answer<>("us-east-2", "the shell environment"), s.region());
        assertFalse(s.profile().answered());
        assertEquals("using region us-east-2 from the shell environment",
                SetupInForce.usingLine(Answer.of("p", "--profile"), s.region()));
        assertNull(SetupInForce.usingLine(Answer.of("p", "--profile"), Answer.of("r", "--region")));
    }

    @Test
    void anUnparseableFileContributesNothingAndDoesNotThrow() throws Exception {
        TempHome h = new TempHome(dir);
        write(".claude/settings.json", "{\"env\":{\"AWS_PROFILE\":\"k\",}");
        SetupInForce s = SetupInForce.read(h.env(), dir);
        assertFalse(s.profile().answered());
    }
}
