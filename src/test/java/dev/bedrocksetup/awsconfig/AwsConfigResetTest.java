package dev.bedrocksetup.awsconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.Examples;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Undo when other hands touched the file after us: ours goes, theirs stays, and what we cannot undo is reported. */
class AwsConfigResetTest {
    private static final Path CONFIG = Path.of("/h/.aws/config");
    private static final SsoProfileRequest REQUEST = new SsoProfileRequest("bedrock", "my-sso",
            Examples.START_URL, "us-east-1", Examples.ACCOUNT, "BedrockUser", "us-west-2");
    private static final String ORIGINAL = "# mine\n[default]\nregion = eu-west-1\n";

    private static AwsConfigEdit create(String text) {
        return SsoProfileEditor.planCreate(AwsSharedFile.of(CONFIG, AwsFileKind.CONFIG, text), null, REQUEST);
    }

    private static Map<String, Object> entry(AwsConfigEdit e) {
        return e.change().journalEntry();
    }

    @Test
    void aValueChangedSinceIsLeftAloneAndReported() {
        AwsConfigEdit edit = create(ORIGINAL);
        String changed = edit.change().after().replace("region = us-west-2", "region = eu-north-1");
        AwsConfigReset.Result r = AwsConfigReset.plan(CONFIG, changed, List.of(entry(edit)));
        assertEquals(ORIGINAL + "\n[profile bedrock]\nregion = eu-north-1\n", r.change().after());
        assertTrue(r.leftAlone().get(0).contains("'region' was changed or removed since"), r.leftAlone().toString());
    }

    @Test
    void sectionsAddedAfterOursStayExactly() {
        AwsConfigEdit edit = create(ORIGINAL);
        String theirs = "\n[profile theirs]\r\noutput = json\r\n";
        AwsConfigReset.Result r = AwsConfigReset.plan(CONFIG, edit.change().after() + theirs, List.of(entry(edit)));
        assertEquals(ORIGINAL + theirs, r.change().after());
        assertEquals(List.of(), r.leftAlone());
    }

    @Test
    void severalEntriesAreUndoneNewestFirst() {
        AwsConfigEdit first = create(ORIGINAL);
        AwsConfigEdit second = SsoProfileEditor.planSetRegion(
                AwsSharedFile.of(CONFIG, AwsFileKind.CONFIG, first.change().after()), "default", "ap-south-1");
        assertTrue(second.change().after().contains("[default]\nregion = ap-south-1\n"));
        AwsConfigReset.Result r = AwsConfigReset.plan(CONFIG, second.change().after(),
                List.of(entry(first), entry(second)));
        assertEquals(ORIGINAL, r.change().after());
    }

    @Test
    void aProfileRemovedSinceIsReportedNotRecreated() {
        AwsConfigEdit edit = SsoProfileEditor.planSetRegion(AwsSharedFile.of(CONFIG, AwsFileKind.CONFIG, ORIGINAL),
                "default", "us-east-2");
        AwsConfigReset.Result r = AwsConfigReset.plan(CONFIG, "# emptied by hand\n", List.of(entry(edit)));
        assertEquals("# emptied by hand\n", r.change().after());
        assertTrue(r.leftAlone().get(0).contains("no longer in the file"));
    }

    @Test
    void aFileWeCreatedIsDeletedAndAFileThatVanishedIsLeft() {
        AwsConfigEdit edit = create(null);
        assertEquals(Boolean.TRUE, entry(edit).get("created"));
        AwsConfigReset.Result r = AwsConfigReset.plan(CONFIG, edit.change().after(), List.of(entry(edit)));
        assertNull(r.change().after());
        AwsConfigReset.Result gone = AwsConfigReset.plan(CONFIG, null, List.of(entry(edit)));
        assertFalse(gone.change().changesAnything());
    }

    @Test
    void repeatingAnEditChangesNothingAndRecordsNothing() {
        AwsConfigEdit first = create(ORIGINAL);
        AwsConfigEdit again = create(first.change().after());
        assertFalse(again.changesAnything());
        assertNull(again.change().journalEntry());
        assertTrue(again.notes().stream().anyMatch(n -> n.contains("reusing [sso-session my-sso]")));
    }

    @Test
    void reusedSessionGetsItsScopesAndUndoTakesThemBack() {
        String text = "[sso-session corp]\nsso_start_url = https://example.awsapps.com/start/\nsso_region = us-east-1\n";
        AwsConfigEdit edit = create(text);
        String after = edit.change().after();
        assertTrue(after.startsWith("[sso-session corp]\nsso_start_url = https://example.awsapps.com/start/\n"
                + "sso_region = us-east-1\nsso_registration_scopes = sso:account:access\n\n[profile bedrock]\n"
                + "sso_session = corp\n"), after);
        assertEquals(text, AwsConfigReset.plan(CONFIG, after, List.of(entry(edit))).change().after());
    }
}
