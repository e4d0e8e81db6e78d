package dev.bedrocksetup.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.bedrocksetup.testing.TempHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags beat the preset, which beats the setup in force, which beats the defaults; every answer names its source. */
class SetupRequestTest {
    @TempDir
    Path dir;

    private SetupInForce inForce() throws Exception {
        Files.createDirectories(dir.resolve(".claude"));
        Files.writeString(dir.resolve(".claude/settings.json"), "{\"env\":{\"CLAUDE_CODE_USE_BEDROCK\":\"1\","
                + "\"AWS_PROFILE\":\"k\",\"AWS_REGION\":\"eu-west-1\",\"ANTHROPIC_MODEL\":"
                + "\"eu.anthropic.claude-sonnet-4-5-20250929-v1:0\"},\"awsAuthRefresh\":\"bedrock-setup login --profile k\"}");
        return SetupInForce.read(new TempHome(dir).env(), dir);
    }

    @Test
    void eachAnswerComesFromTheFirstSourceThatHasIt() throws Exception {
        Path preset = Files.writeString(dir.resolve("team.json"), "{\"region\": \"us-east-1\", \"profile\": \"team\","
                + " \"max-output-tokens\": 32000}");
        SetupRequest r = SetupRequest.assemble(Map.of("profile", "mine"), dev.bedrocksetup.claude.Preset.read(preset),
                inForce());
        assertEquals(new Answer<>("mine", "--profile"), r.string("profile"));
        assertEquals(new Answer<>("us-east-1", "preset team.json"), r.string("region"));
        assertEquals(new Answer<>(32000, "preset team.json"), r.number("max-output-tokens"));
        assertEquals(new Answer<>("login", "~/.claude/settings.json"), r.string("auth-refresh"));
        assertEquals(new Answer<>("user", "~/.claude/settings.json"), r.string("scope"));
        assertEquals("k", r.currentText("profile"), "the value in force stays known, for the wizard's (current)");
        assertFalse(r.string("model").answered(), "the eu. model in force is no answer for us-east-1");
    }

    @Test
    void withoutASetupInForceOnlyTheDefaultsAnswer() {
        SetupRequest r = SetupRequest.assemble(Map.of(), null, null);
        assertEquals(new Answer<>("user", SetupRequest.DEFAULT), r.string("scope"));
        assertFalse(r.string("profile").answered());
        assertFalse(r.string("region").answered());
    }

    @Test
    void aNewProfileOrAnApiKeyIsNotAnsweredWithTheProfileInForce() throws Exception {
        SetupRequest r = SetupRequest.assemble(Map.of("sso-start-url", "https://example.awsapps.com/start"), null,
                inForce());
        assertFalse(r.string("profile").answered());
        assertEquals("eu-west-1", r.string("region").value());
    }

    @Test
    void aSharedScopeInForceIsNoDefaultForWhereToWrite() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project/.claude")).getParent();
        Files.writeString(project.resolve(".claude/settings.json"), "{\"env\":{\"CLAUDE_CODE_USE_BEDROCK\":\"1\","
                + "\"AWS_REGION\":\"eu-west-1\"}}");
        SetupInForce inForce = SetupInForce.read(new TempHome(dir).env(), project);
        assertEquals(dev.bedrocksetup.claude.SettingsScope.PROJECT, inForce.scope().value());
        SetupRequest r = SetupRequest.assemble(Map.of(), null, inForce);
        assertEquals(new Answer<>("user", SetupRequest.DEFAULT), r.string("scope"), "project settings are shared");
        assertEquals("eu-west-1", r.string("region").value());
    }
}
