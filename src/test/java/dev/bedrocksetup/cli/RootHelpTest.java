package dev.bedrocksetup.cli;

import dev.bedrocksetup.core.Style;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bedrocksetup.testing.TempHome;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The stored root help (printed by the --help fast path) is exactly what picocli renders, plain and coloured.
 * Regenerate with -Dbedrock.writeDocs=true after changing a command's description.
 */
class RootHelpTest {
    private static String render(boolean color) {
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
        CliContext ctx = new CliContext(new TempHome(Path.of("unused")).env(), new ByteArrayInputStream(new byte[0]),
                discard, discard, false);
        ctx.style = color ? Style.colored() : Style.plain();
        CommandLine cl = BedrockSetup.commandLine(ctx);
        StringWriter sw = new StringWriter();
        cl.usage(new PrintWriter(sw), color ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF);
        return sw.toString();
    }

    @Test
    void storedHelpIsPicoclisOwn() throws Exception {
        for (boolean color : new boolean[] {false, true}) {
            String live = render(color);
            Path file = Path.of("src/main/resources" + (color ? RootHelp.COLOR : RootHelp.PLAIN));
            if (Boolean.getBoolean("bedrock.writeDocs")) {
                Files.writeString(file, live, StandardCharsets.UTF_8);
            }
            assertEquals(live, Files.readString(file, StandardCharsets.UTF_8), file + " is stale: run ./mvnw test "
                    + "-Dtest=RootHelpTest -Dbedrock.writeDocs=true");
        }
    }

    @Test
    void theFastPathPrintsIt() {
        TempHome.Run r = new TempHome(Path.of("unused")).run("--help");
        assertEquals(0, r.exit);
        assertEquals(render(false), r.out);
    }

    /**
     * A command line starting with a command's name gets the bare root and that command only (start-up): each
     * command's help, inherited options included, and its usage errors are exactly those of the whole tree.
     */
    @Test
    void eachCommandAloneIsTheSameCommandAsInTheWholeTree() {
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
        CliContext ctx = new CliContext(new TempHome(Path.of("unused")).env(), new ByteArrayInputStream(new byte[0]),
                discard, discard, false);
        ctx.style = Style.plain();
        CommandLine whole = BedrockSetup.commandLine(ctx);
        int alone = 0;
        for (java.util.Map.Entry<String, CommandLine> e : whole.getSubcommands().entrySet()) {
            CommandLine lean = BedrockSetup.commandLine(ctx, new String[] {e.getKey()});
            if (lean.getSubcommands().size() == whole.getSubcommands().size()) {
                continue; // help and completion read the whole tree
            }
            alone++;
            assertEquals(1, lean.getSubcommands().values().stream().distinct().count(), e.getKey());
            StringWriter a = new StringWriter();
            StringWriter b = new StringWriter();
            e.getValue().usage(new PrintWriter(a), CommandLine.Help.Ansi.OFF);
            lean.getSubcommands().get(e.getKey()).usage(new PrintWriter(b), CommandLine.Help.Ansi.OFF);
            assertEquals(a.toString(), b.toString(), e.getKey());
        }
        assertEquals(10, alone, "init and its alias setup, verify, doctor, reset, login, models, export-credentials,"
                + " policy, team");
        TempHome.Run r = new TempHome(Path.of("unused")).run("doctor", "--offline", "--bogus");
        assertEquals(2, r.exit);
        assertEquals("bedrock-setup: unknown option '--bogus'\n  fix: see 'bedrock-setup doctor --help'\n", r.err);
    }
}
