package dev.bedrocksetup.awsconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.testing.Examples;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsoInputValidationTest {
    private static void rejected(Consumer<String> check, String value) {
        BedrockSetupException e = assertThrows(BedrockSetupException.class, () -> check.accept(value), value);
        assertEquals(2, e.exitCode());
        assertNotNull(e.fix());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void acceptsTheDocumentedShapes() {
        new SsoProfileRequest("bedrock", "my-sso", Examples.START_URL, "us-east-1", Examples.ACCOUNT,
                "BedrockUser", "eu-central-1").validated();
        SsoInputValidation.startUrl("https://example.awsapps.com/start/");
        SsoInputValidation.startUrl("https://example.awsapps.com/start#/");
        SsoInputValidation.startUrl("https://sso.example.com/portal"); // custom Identity Center domain
        SsoInputValidation.region("us-gov-west-1", "region");
        SsoInputValidation.profileName("default");
        SsoInputValidation.profileName("team.dev_01-x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "[x]", "x]", "name#1", "a;b", "café", "a/b", "a\nb", "a\tb"})
    void rejectsNamesNotEveryToolReads(String name) {
        rejected(SsoInputValidation::profileName, name);
        rejected(SsoInputValidation::sessionName, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.awsapps.com/start", "example.awsapps.com/start", "https://",
            "https://example.awsapps.com/start #x", "https://example.awsapps.com/other",
            "https://user@example.awsapps.com/start", "https://example.awsapps.com/start\r\n"})
    void rejectsBadStartUrls(String url) {
        rejected(SsoInputValidation::startUrl, url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east", "US-EAST-1", "useast1", "us-east-1 ", "us_east_1"})
    void rejectsBadRegions(String region) {
        rejected(r -> SsoInputValidation.region(r, "region"), region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11112222333", "1111222233334", "11112222333a", " 111122223333"})
    void rejectsBadAccountIds(String id) {
        rejected(SsoInputValidation::accountId, id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Role Name", "role#x", "r\u00e9le"})
    void rejectsBadRoleNames(String role) {
        rejected(SsoInputValidation::roleName, role);
    }

    @Test
    void nullIsRejectedToo() {
        rejected(SsoInputValidation::accountId, null);
    }
}
