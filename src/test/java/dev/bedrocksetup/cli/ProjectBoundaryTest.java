package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Project files arrive with a cloned repository and are input, not trusted: a project or local settings file that
 * leads outside the project through a symbolic link is neither written (exit 3, one line naming the real target) nor
 * read (the doctor reports it).
 */
class ProjectBoundaryTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String DOCKER = "{\"auths\": {\"registry.example.com\": {\"auth\": \"ZXhhbXBsZTpleGFtcGxl\"}}}\n";

    @TempDir
    Path dir;

    private Run init(TempHome home, Path project, String scope) {
        return home.run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", SONNET,
                "--skip-probe", "--scope", scope, "--project-dir", project.toString());
    }

    @Test
    void aProjectSettingsLinkOutOfTheProjectIsRefusedAndTheTargetUntouched() throws Exception {
        TempHome home = new TempHome(dir).ssoProfiles("dev");
        Path docker = home.write(".docker/config.json", DOCKER);
        Path project = Files.createDirectories(dir.resolve("src/project/.claude")).getParent();
        Files.createSymbolicLink(project.resolve(".claude/settings.json"), Path.of("../../../.docker/config.json"));
        Run r = init(home, project, "project");
        assertEquals(3, r.exit, r.toString());
        String first = r.err.lines().findFirst().orElse("");
        assertTrue(first.contains(docker.toRealPath().toString()) && first.contains("outside the project"), r.err);
        assertEquals(DOCKER, Files.readString(docker), "the file outside is not edited");

        // the same with the whole .claude directory a link out of the project, for local settings
        Path other = Files.createDirectories(dir.resolve("src/other"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(other.resolve(".claude"), elsewhere);
        Run local = init(home, other, "local");
        assertEquals(3, local.exit, local.toString());
        assertFalse(Files.exists(elsewhere.resolve("settings.local.json")), "nothing written out there");
    }

    @Test
    void aLinkInsideTheProjectIsFollowedAsBefore() throws Exception {
        TempHome home = new TempHome(dir).ssoProfiles("dev");
        Path project = Files.createDirectories(dir.resolve("project/.claude")).getParent();
        Path shared = Files.writeString(project.resolve("claude-settings.json"), "{}\n");
        Files.createSymbolicLink(project.resolve(".claude/settings.json"), Path.of("../claude-settings.json"));
        Run r = init(home, project, "project");
        assertEquals(0, r.exit, r.toString());
        assertTrue(Files.readString(shared).contains("AWS_PROFILE"));
        assertTrue(Files.isSymbolicLink(project.resolve(".claude/settings.json")));
    }

    @Test
    void resetDoesNotFollowALinkOutOfTheProjectMadeAfterInit() throws Exception {
        TempHome home = new TempHome(dir).ssoProfiles("dev");
        Path project = Files.createDirectories(dir.resolve("project"));
        assertEquals(0, init(home, project, "project").exit);
        Path outside = home.write("outside.json", "{\"env\": {\"AWS_PROFILE\": \"dev\"}}\n");
        Path settings = project.resolve(".claude/settings.json");
        Files.delete(settings);
        Files.createSymbolicLink(settings, outside);
        Run r = home.run("reset", "--yes");
        assertEquals(3, r.exit, r.toString());
        assertTrue(r.err.contains(outside.toRealPath().toString()), r.err);
        assertEquals("{\"env\": {\"AWS_PROFILE\": \"dev\"}}\n", Files.readString(outside));
    }

    @Test
    void theDoctorReportsTheLinkAndDoesNotReadThroughIt() throws Exception {
        TempHome home = new TempHome(dir).ssoProfiles("dev");
        home.write(".claude/settings.json", "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\"}}\n");
        Path outside = home.write("outside.json", "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"0\", "
                + "\"AWS_PROFILE\": \"from-outside\"}}\n");
        Path project = Files.createDirectories(dir.resolve("project/.claude")).getParent();
        Files.createSymbolicLink(project.resolve(".claude/settings.json"), outside);
        home.vars.put("PWD", project.toString());
        dev.bedrocksetup.doctor.DoctorReport r = dev.bedrocksetup.doctor.Doctor.run(
                new dev.bedrocksetup.doctor.DoctorInputs(home.env().withWorkingDirectory(project),
                        new dev.bedrocksetup.claude.SettingsLocations(home.env(), project), () -> null), true);
        String json = r.toJson();
        assertFalse(json.contains("from-outside"), "values behind the link are not read: " + json);
        assertNull(r.effective.value("AWS_PROFILE"));
        var f = r.finding("settings.outside-project");
        assertEquals(dev.bedrocksetup.doctor.Status.WARN, f.status, f.toString());
        assertTrue(f.detail.contains(outside.toRealPath().toString()), f.toString());
    }
}
