package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.Main;
import dev.bedrocksetup.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work that start-up must leave alone because nothing before the first output needs it (docs/performance.md,
 * "Start-up budgets"): judged in a real child JVM by the classes it loads.
 */
class StartupWorkTest {
    @TempDir
    Path dir;

    @Test
    void buildingInitsCommandModelLeavesTheSdksEndpointTableUnread() throws Exception {
        // `init --dry-run` with no terminal: picocli builds init's whole model (--region's completion values among
        // it), then the command stops, exit 2, before any question
        String loaded = classesLoadedBy("init", "--dry-run");
        assertTrue(loaded.contains(" dev.bedrocksetup.cli.RegionOption "), "init's model was built");
        // the SDK's table of every service's endpoints: about half of init's start-up, read only by help and
        // completion (the region list) and by the first AWS call
        assertFalse(loaded.contains(" software.amazon.awssdk.regions.GeneratedServiceMetadataProvider "),
                "building the command model loaded the SDK's endpoint table");
    }

    @Test
    void aBareInitRunsWithoutTheCommandModelAndEndsAsTheParsedOneDoes() throws Exception {
        // nothing to parse, so picocli's reflection over init's options (a third of the time to the first question)
        // is skipped; with no terminal it stops exactly as `init --dry-run` does
        classesLoadedBy("init", "--dry-run");
        for (String command : List.of("init", "setup")) {
            String loaded = classesLoadedBy(command);
            assertFalse(loaded.contains(" dev.bedrocksetup.cli.RegionOption "), command + " built init's model");
            assertTrue(loaded.contains(" dev.bedrocksetup.cli.InitCommand "), command + " did not run init");
            assertEquals(Files.readString(dir.resolve("init-dry-run.out")),
                    Files.readString(dir.resolve(command + ".out")));
        }
    }

    /** The classes a child JVM loads running these arguments with no terminal, which stop them with exit 2. */
    private String classesLoadedBy(String... args) throws Exception {
        String name = String.join("-", args).replace("--", "");
        Path classes = dir.resolve(name + ".classes");
        Path out = dir.resolve(name + ".out");
        Files.createDirectories(dir.resolve("home"));
        Process p = ChildJvm.start(out, List.of("-Xlog:class+load=info:file=" + classes),
                java.util.Map.of("HOME", dir.resolve("home").toString()), Main.class, args);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), name + " did not stop within a minute");
        assertEquals(2, p.exitValue(), Files.readString(out));
        return Files.readString(classes);
    }
}
