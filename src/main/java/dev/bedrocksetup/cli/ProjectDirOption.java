package dev.bedrocksetup.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --project-dir, the project whose settings count; declared once for every command that reads or writes them. */
final class ProjectDirOption {
    @Option(names = "--project-dir", paramLabel = "DIR",
            description = "Project whose settings count (default: the current directory).")
    Path dir;

    /** The directory given, or null for the current directory (what SettingsLocations takes). */
    Path given() {
        return dir;
    }
}
