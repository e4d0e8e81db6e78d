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
        // `init` with no terminal: picocli builds init's whole model (--region's completion values among it), then
        // the command stops, exit 2, before any question
        Path classes = dir.resolve("classes.log");
        Path out = dir.resolve("out.log");
        Process p = ChildJvm.start(out, List.of("-Xlog:class+load=info:file=" + classes), Main.class, "init");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "init did not stop within a minute");
        assertEquals(2, p.exitValue(), Files.readString(out));
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains(" dev.bedrocksetup.cli.RegionOption "), "init's model was built");
        // the SDK's table of every service's endpoints: about half of init's start-up, read only by help and
        // completion (the region list) and by the first AWS call
        assertFalse(loaded.contains(" software.amazon.awssdk.regions.GeneratedServiceMetadataProvider "),
                "building the command model loaded the SDK's endpoint table");
    }
}
