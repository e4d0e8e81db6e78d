package dev.bedrocksetup.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.bedrocksetup.core.Environment.Os;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Home and variables as each operating system gives them, with the OS injected. */
class EnvironmentTest {
    @Test
    void homeIsHomeWhenSetOnEveryOs() {
        Map<String, String> vars = Map.of("HOME", "/home/ana", "USERPROFILE", "/users/other");
        for (Os os : Os.values()) {
            assertEquals(Path.of("/home/ana"), Environment.resolveHome(vars, os, "/fallback"), os.toString());
        }
    }

    @Test
    void windowsWithoutHomeUsesUserProfile() {
        assertEquals(Path.of("C:\\Users\\ana"),
                Environment.resolveHome(Map.of("USERPROFILE", "C:\\Users\\ana"), Os.WINDOWS, "/fallback"));
        Map<String, String> blankHome = Map.of("HOME", " ", "USERPROFILE", "C:\\Users\\ana");
        assertEquals(Path.of("C:\\Users\\ana"), Environment.resolveHome(blankHome, Os.WINDOWS, "/fallback"),
                "a blank HOME is unset");
    }

    @Test
    void windowsWithoutUserProfileUsesHomeDriveAndPath() {
        assertEquals(Path.of("D:\\Users\\ana"), Environment.resolveHome(
                Map.of("HOMEDRIVE", "D:", "HOMEPATH", "\\Users\\ana"), Os.WINDOWS, "/fallback"));
    }

    @Test
    void userProfileMeansNothingOutsideWindows() {
        assertEquals(Path.of("/fallback"),
                Environment.resolveHome(Map.of("USERPROFILE", "/users/ana"), Os.LINUX, "/fallback"));
        assertEquals(Path.of("/fallback"), Environment.resolveHome(Map.of(), Os.WINDOWS, "/fallback"));
    }

    @ParameterizedTest
    @CsvSource({"Windows 11, WINDOWS", "Windows Server 2022, WINDOWS", "Mac OS X, MACOS", "Darwin, MACOS",
        "Linux, LINUX", "FreeBSD, LINUX"})
    void osFromTheJvmName(String name, Os os) {
        assertEquals(os, Environment.osFromName(name));
    }

    @Test
    void windowsVariableNamesIgnoreCase() {
        Environment windows = new Environment(Map.of("PROGRAMFILES", "D:\\Apps", "Path", "C:\\bin"), Path.of("/h"),
                Path.of("/h"), Os.WINDOWS, Clock.systemUTC());
        assertEquals("D:\\Apps", windows.get("ProgramFiles"));
        assertEquals("C:\\bin", windows.get("PATH"));
        assertEquals("C:\\bin", windows.withVariables(Map.of("X", "1")).get("path"), "kept when variables are added");
        assertEquals("C:\\bin", windows.withOs(Os.WINDOWS).get("PATH"));
    }

    @Test
    void otherSystemsKeepCase() {
        Environment linux = new Environment(Map.of("PROGRAMFILES", "x"), Path.of("/h"), Path.of("/h"), Os.LINUX,
                Clock.systemUTC());
        assertNull(linux.get("ProgramFiles"));
    }
}
