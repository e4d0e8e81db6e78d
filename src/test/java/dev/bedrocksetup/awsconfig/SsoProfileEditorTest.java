package dev.bedrocksetup.awsconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.testing.Examples;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The writing rules of the reference (section 7), shown on exact texts. */
class SsoProfileEditorTest {
    private static final Path CONFIG = Path.of("/h/.aws/config");
    private static final String URL = Examples.START_URL;

    private static AwsSharedFile file(String text) {
        return AwsSharedFile.of(CONFIG, AwsFileKind.CONFIG, text);
    }

    private static SsoProfileRequest request(String profile, String session) {
        return new SsoProfileRequest(profile, session, URL, "us-east-1", Examples.ACCOUNT, "BedrockUser", "us-west-2");
    }

    private static String setRegion(String text, String profile) {
        return SsoProfileEditor.planSetRegion(file(text), profile, "eu-west-1").change().after();
    }

    @Test
    void aNewKeyGoesAfterTheLastKeyBeforeTrailingComments() {
        assertEquals("[profile a]\noutput = json\nregion = eu-west-1\n# about b\n\n[profile b]\n",
                setRegion("[profile a]\noutput = json\n# about b\n\n[profile b]\n", "a"));
    }

    @Test
    void aNewKeyGoesAfterASubPropertyBlock() {
        assertEquals("[default]\ns3 =\n  addressing_style = path\n\n  max_queue_size = 5\nregion = eu-west-1\n\n",
                setRegion("[default]\ns3 =\n  addressing_style = path\n\n  max_queue_size = 5\n\n", "default"));
    }

    @Test
    void anExistingKeyIsRewrittenInPlaceInLowerCase() {
        assertEquals("[default]\r\nregion = eu-west-1\r\noutput = json\r\n",
                setRegion("[default]\r\nRegion=us-east-1\r\noutput = json\r\n", "default"));
    }

    @Test
    void aFileWithoutFinalNewlineGetsOne() {
        assertEquals("[default]\noutput = json\nregion = eu-west-1\n", setRegion("[default]\noutput = json", "default"));
        assertEquals("[profile x]\nregion = eu-west-1\n", setRegion("[profile x]", "x"));
    }

    @Test
    void aNamedSessionOfAnotherPortalIsRefusedUnlessAnotherSessionMatches() {
        String other = "[sso-session corp]\nsso_start_url = https://other.awsapps.com/start\nsso_region = us-east-1\n";
        BedrockSetupException e = assertThrows(BedrockSetupException.class,
                () -> SsoProfileEditor.planCreate(file(other), null, request("bedrock", "corp")));
        assertEquals(2, e.exitCode());
        String both = other + "\n[sso-session mine]\nsso_start_url = " + URL + "\nsso_region = us-east-1\n"
                + "sso_registration_scopes = sso:account:access\n";
        AwsConfigEdit edit = SsoProfileEditor.planCreate(file(both), null, request("bedrock", "corp"));
        assertEquals(both + "\n[profile bedrock]\nsso_session = mine\nsso_account_id = 111122223333\n"
                + "sso_role_name = BedrockUser\nregion = us-west-2\n", edit.change().after());
        assertTrue(edit.notes().get(0).contains("reusing [sso-session mine]"));
    }

    @Test
    void aLegacyProfileIsNotOverwrittenByCreateButMigrated() {
        String legacy = "[profile dev]\nsso_start_url = " + URL + "\nsso_region = us-east-1\n"
                + "sso_account_id = 111122223333\nsso_role_name = Dev\nregion = eu-west-1 \n";
        BedrockSetupException e = assertThrows(BedrockSetupException.class,
                () -> SsoProfileEditor.planCreate(file(legacy), null, request("dev", "dev-sso")));
        assertEquals(2, e.exitCode());
        assertTrue(e.fix().contains("migrate"), e.fix());
        AwsConfigEdit m = SsoProfileEditor.planMigrate(file(legacy), null, "dev", "dev-sso");
        assertEquals("[profile dev]\nsso_session = dev-sso\nsso_account_id = 111122223333\nsso_role_name = Dev\n"
                + "region = eu-west-1 \n\n[sso-session dev-sso]\nsso_start_url = " + URL + "\nsso_region = us-east-1\n"
                + "sso_registration_scopes = sso:account:access\n", m.change().after());
        assertEquals("migrate-sso-profile", m.change().journalEntry().get("action"));
    }

    @Test
    void migratingSomethingElseIsAUsageError() {
        String modern = "[profile m]\nsso_session = s\n[sso-session s]\nsso_start_url = " + URL + "\nsso_region = us-east-1\n";
        assertEquals(2, assertThrows(BedrockSetupException.class,
                () -> SsoProfileEditor.planMigrate(file(modern), null, "m", "x")).exitCode());
        assertEquals(2, assertThrows(BedrockSetupException.class,
                () -> SsoProfileEditor.planMigrate(file(modern), null, "missing", "x")).exitCode());
        assertEquals(2, assertThrows(BedrockSetupException.class,
                () -> SsoProfileEditor.planSetRegion(file(modern), "missing", "us-east-1")).exitCode());
    }

    @Test
    void defaultIsWrittenAsDefaultNeverAsProfileDefault() {
        AwsConfigEdit edit = SsoProfileEditor.planCreate(file(""), null, request("default", "s"));
        assertTrue(edit.change().after().contains("\n[default]\nsso_session = s\n"), edit.change().after());
    }
}
