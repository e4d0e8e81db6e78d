package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bedrocksetup.testing.TempHome;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The documented preset format keeps one key per init flag, with the values the flag accepts. */
class PresetSchemaTest {
    /** Flags that belong to one run or one machine, not to a team's answers; nor does a user's access key. */
    static final Set<String> NOT_IN_A_PRESET = Set.of("preset", "yes", "dry-run", "demo", "project-dir", "help",
            "version", "no-color", "verbose", "access-key-id", "secret-access-key-stdin", "secret-access-key");

    private static CommandSpec init() {
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
        return BedrockSetup.commandLine(new CliContext(new TempHome(Path.of("unused")).env(),
                new ByteArrayInputStream(new byte[0]), discard, discard, false)).getSubcommands().get("init")
                .getCommandSpec();
    }

    private static JsonNode schema() throws Exception {
        return new ObjectMapper().readTree(Files.readString(Path.of("docs/schema/preset.schema.json")));
    }

    @Test
    void everyInitFlagHasAPresetKeyAndNoKeyLacksAFlag() throws Exception {
        Set<String> flags = new TreeSet<>();
        for (OptionSpec o : init().options()) {
            String name = o.longestName().substring(2);
            if (!NOT_IN_A_PRESET.contains(name)) {
                flags.add(name);
            }
        }
        Set<String> keys = new TreeSet<>();
        schema().get("properties").fieldNames().forEachRemaining(keys::add);
        keys.remove("$schema");
        assertEquals(flags, keys);
        assertEquals(false, schema().get("additionalProperties").asBoolean(true), "unknown keys are refused");
    }

    @Test
    void fixedValuesMatchWhatTheFlagsAccept() throws Exception {
        JsonNode properties = schema().get("properties");
        for (OptionSpec o : init().options()) {
            if (o.completionCandidates() == null || o.completionCandidates() instanceof CompletionValues.Suggestions) {
                continue;
            }
            List<String> accepted = new ArrayList<>();
            o.completionCandidates().forEach(accepted::add);
            List<String> documented = new ArrayList<>();
            properties.get(o.longestName().substring(2)).get("enum").forEach(v -> documented.add(v.asText()));
            assertEquals(accepted, documented, o.longestName());
        }
        assertEquals("boolean", properties.get("skip-probe").get("type").asText());
        assertEquals("integer", properties.get("max-output-tokens").get("type").asText());
    }

    @Test
    void thePageListsEveryKeyTheImplementationAccepts() throws Exception {
        String page = Files.readString(Path.of("docs/preset-schema.md"), StandardCharsets.UTF_8);
        Set<String> keys = new TreeSet<>();
        schema().get("properties").fieldNames().forEachRemaining(keys::add);
        keys.remove("$schema");
        assertEquals(new TreeSet<>(dev.bedrocksetup.claude.Preset.KEYS.keySet()), keys,
                "the schema and the reader accept the same keys");
        schema().get("properties").fieldNames().forEachRemaining(key ->
                assertTrue(page.contains("`" + key + "`"), key + " documented"));
    }
}
