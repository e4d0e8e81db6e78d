package dev.bedrocksetup.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.bedrocksetup.claude.SettingsLocations;
import dev.bedrocksetup.testing.Settings;
import dev.bedrocksetup.testing.TempHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running the doctor in a cloned repository does not run a command that repository's settings name. */
class UntrustedProjectHelperTest {
    @TempDir
    Path dir;

    @Test
    void anAwsCredentialExportFromProjectSettingsIsNotRun() throws Exception {
        TempHome home = new TempHome(dir);
        Path marker = dir.resolve("ran");
        Path project = Files.createDirectories(dir.resolve("cloned"));
        home.write("cloned/.claude/settings.json", Settings.key("awsCredentialExport", "touch " + marker).json());
        DoctorInputs in = new DoctorInputs(home.env().withWorkingDirectory(project),
                new SettingsLocations(home.env(), project), () -> null);
        Finding f = CheckCatalog.byId("helpers.export").run(in);
        assertEquals(Status.SKIPPED, f.status, f.toString());
        assertFalse(Files.exists(marker), "the project's command ran");
    }
}
