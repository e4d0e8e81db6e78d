package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `init --help`: options under headings, then examples that are real command lines. */
class InitHelpTest {
    @TempDir
    Path dir;

    private static CommandLine root() {
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
        CliContext ctx = new CliContext(new TempHome(Path.of("unused")).env(), new ByteArrayInputStream(new byte[0]),
                discard, discard, false);
        return BedrockSetup.commandLine(ctx);
    }

    private static CommandLine init() {
        return root().getSubcommands().get("init");
    }

    @Test
    void everyOptionOfInitIsUnderAHeading() {
        // an option added without a place in InitHelp.GROUPS shows under "Other options"; this names it
        assertEquals(List.of(), InitHelp.ungrouped(init().getCommandSpec().options()),
                "add these to a heading of InitHelp.GROUPS");
        for (List<String> names : InitHelp.GROUPS.values()) {
            for (String name : names) {
                assertTrue(init().getCommandSpec().findOption(name) != null, name + " is an option of init");
            }
        }
    }

    @Test
    void helpShowsTheHeadingsInOrderAndEndsWithExamples() {
        Run r = new TempHome(dir).run("init", "--help");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.startsWith("Usage: bedrock-setup init [OPTIONS]\n"), r.out);
        int at = 0;
        for (String heading : InitHelp.GROUPS.keySet()) {
            int next = r.out.indexOf("\n" + heading + ":\n");
            assertTrue(next > at, heading + " after the one before: " + r.out);
            at = next;
        }
        assertTrue(!r.out.contains(InitHelp.OTHER), r.out);
        assertTrue(r.out.indexOf("\n      --yes ") > r.out.indexOf("\nAutomation:\n"), "--yes is under Automation");
        int examples = r.out.indexOf("\nExamples:\n");
        assertTrue(examples > at, r.out);
        for (String line : r.out.substring(examples).lines().toList()) {
            assertTrue(line.length() <= 80, "fits 80 columns: " + line);
        }
    }

    @Test
    void everyExampleParses() {
        String footer = String.join("\n", init().getCommandSpec().usageMessage().footer()).replace("\\\n", " ");
        List<List<String>> commands = new ArrayList<>();
        for (String line : footer.split("\n")) {
            if (line.startsWith("  bedrock-setup init")) {
                commands.add(List.of(line.trim().split(" +")));
            }
        }
        assertTrue(commands.size() >= 3 && commands.size() <= 5, commands.toString());
        for (List<String> c : commands) {
            assertTrue(c.size() < 2 || c.get(1).equals("init"), c.toString());
            List<String> args = c.subList(1, c.size());
            root().parseArgs(args.toArray(String[]::new)); // throws on an unknown option or a missing value
        }
        assertTrue(commands.stream().anyMatch(c -> c.contains("--model") && c.contains("--yes")), commands.toString());
    }
}
