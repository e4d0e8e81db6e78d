package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The build generates a man page for the tool and each of its commands (exec-maven-plugin runs picocli's
 * ManPageGenerator at process-classes, before the tests), and each page documents that command's options.
 */
class ManPagesTest {
    static final Path MAN = Path.of("target", "man", "adoc");

    @TempDir
    Path dir;

    private static CommandLine model() {
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
        return BedrockSetup.commandLine(new CliContext(new TempHome(Path.of("unused")).env(),
                new ByteArrayInputStream(new byte[0]), discard, discard, false));
    }

    @Test
    void everyCommandHasAManPageListingItsOptions() throws Exception {
        assertTrue(Files.isDirectory(MAN), "run the tests through Maven: the build writes " + MAN.toAbsolutePath());
        Set<CommandSpec> commands = new LinkedHashSet<>();
        commands.add(model().getCommandSpec());
        for (CommandLine sub : model().getSubcommands().values()) {
            commands.add(sub.getCommandSpec());
        }
        Set<String> names = new LinkedHashSet<>();
        commands.forEach(c -> names.add(c.name()));
        assertTrue(names.containsAll(List.of("bedrock-setup", "init", "verify", "doctor", "reset", "login", "models",
                "export-credentials", "policy", "completion", "help")), names.toString());
        for (CommandSpec spec : commands) {
            String page = spec.qualifiedName("-");
            Path file = MAN.resolve(page + ".adoc");
            assertTrue(Files.isRegularFile(file), "man page for '" + spec.qualifiedName() + "': " + file);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(text.contains(":doctype: manpage"), file.toString());
            assertTrue(text.contains("= " + page + "(1)"), file.toString());
            for (OptionSpec o : spec.options()) {
                if (!o.hidden()) {
                    assertTrue(text.contains("*" + o.longestName() + "*"), o.longestName() + " in " + file);
                }
            }
        }
    }

    @Test
    void theToolsPageCarriesTheVersionAndExitCodes() throws Exception {
        String text = Files.readString(MAN.resolve("bedrock-setup.adoc"), StandardCharsets.UTF_8);
        String version = new TempHome(dir).run("--version").out.strip();
        assertTrue(text.contains(":mansource: " + version), text);
        assertTrue(text.contains("*2*::\n  bad usage or input"), "the exit codes: " + text);
    }

    @Test
    void subcommandsPrintTheToolsVersion() {
        Run root = new TempHome(dir).run("--version");
        Run init = new TempHome(dir).run("init", "--version");
        assertEquals(0, init.exit, init.toString());
        assertTrue(root.out.startsWith("bedrock-setup "), root.out);
        assertEquals(root.out, init.out);
    }
}
