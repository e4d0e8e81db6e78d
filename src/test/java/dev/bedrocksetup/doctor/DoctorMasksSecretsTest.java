package dev.bedrocksetup.doctor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.core.Style;
import dev.bedrocksetup.json.JsonText;
import dev.bedrocksetup.testing.TempHome;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets the doctor meets in values that are not secret by name are masked by their structure, in the text and the
 * JSON report: header values, URL query values, URL user information with and without a scheme, passwords that
 * contain {@code @} or spaces.
 */
class DoctorMasksSecretsTest {
    @TempDir
    Path dir;

    @Test
    void secretsInsideValuesAreMaskedByStructure() throws Exception {
        TempHome home = new TempHome(dir);
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("CLAUDE_CODE_USE_BEDROCK", "1");
        env.put("AWS_REGION", "us-west-2");
        env.put("ANTHROPIC_CUSTOM_HEADERS", "Authorization: Bearer eyJhbGciBEARERsecretEXAMPLE\n"
                + "X-Gateway-Key: GatewayKeyEXAMPLE42");
        env.put("ANTHROPIC_BEDROCK_BASE_URL", "https://gateway.example.com/bedrock?token=QueryT0kenEXAMPLE&team=blue");
        env.put("HTTPS_PROXY", "http://alice:first@SecondHalfEXAMPLE@proxy.example.com:8080");
        env.put("HTTP_PROXY", "http://bob:two words SpacedPassEXAMPLE@proxy.example.com:3128");
        env.put("https_proxy", "TokenAsUserNameEXAMPLE0123@proxy.example.com:8080"); // user info, no scheme
        home.write(".claude/settings.json", JsonText.pretty(Map.of("env", env), "  "));
        Path project = dir.resolve("project");
        DoctorReport r = Doctor.run(new DoctorInputs(home.env().withWorkingDirectory(project),
                new SettingsLocations(home.env(), project), () -> null), true);
        String text = r.toText(Style.plain());
        String json = r.toJson();
        for (String out : new String[] {text, json}) {
            for (String secret : new String[] {"BEARERsecretEXAMPLE", "GatewayKeyEXAMPLE42", "QueryT0kenEXAMPLE",
                "SecondHalfEXAMPLE", "SpacedPassEXAMPLE", "TokenAsUserNameEXAMPLE0123"}) {
                assertFalse(out.contains(secret), secret + " printed:\n" + out);
            }
        }
        assertTrue(text.contains("ANTHROPIC_CUSTOM_HEADERS"), "the name is shown: " + text);
        assertTrue(text.contains("https://gateway.example.com/bedrock?token=****"), "the URL stays readable: " + text);
        assertTrue(json.contains("http://alice:****@proxy.example.com:8080"), "the user name stays: " + json);
    }
}
