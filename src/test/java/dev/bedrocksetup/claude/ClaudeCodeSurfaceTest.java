package dev.bedrocksetup.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.doctor.CheckCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of Claude Code keys is consistent with the doctor and its page; regenerate the page with
 * -Dbedrock.writeDocs=true. What the installed Claude Code knows is compared in e2e/ClaudeCodeSurfaceDriftTest.
 */
class ClaudeCodeSurfaceTest {
    @Test
    void thePageIsCurrent() throws IOException {
        Path page = Path.of("docs/claude-code-surface.md");
        String generated = ClaudeCodeSurface.page();
        if (Boolean.getBoolean("bedrock.writeDocs")) {
            Files.writeString(page, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(page, StandardCharsets.UTF_8),
                "docs/claude-code-surface.md is stale: run ./mvnw test -Dtest=ClaudeCodeSurfaceTest -Dbedrock.writeDocs=true");
    }

    @Test
    void everyKeyIsListedOnceWithWhatTheDoctorDoesAndRealChecks() {
        Set<String> seen = new HashSet<>();
        for (ClaudeCodeSurface.Key key : ClaudeCodeSurface.all()) {
            assertTrue(seen.add(key.kind + " " + key.name), "listed twice: " + key.name);
            assertNotNull(key.does, "what the doctor does about " + key.name);
            for (String id : key.checks) {
                assertNotNull(CheckCatalog.byId(id), key.name + " names check " + id);
            }
        }
    }

    /** A variable the code reads but the catalogue lacks would be invisible on the page and to the drift alarm. */
    @Test
    void everyClaudeCodeVariableTheCodeNamesIsCatalogued() throws IOException {
        Set<String> catalogued = new HashSet<>();
        for (ClaudeCodeSurface.Key key : ClaudeCodeSurface.all()) {
            catalogued.add(key.name);
        }
        Pattern literal = Pattern.compile("\"((?:AWS|ANTHROPIC|CLAUDE_CODE)_[A-Z0-9_]*[A-Z0-9])\"");
        Set<String> missing = new TreeSet<>();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/bedrocksetup"))) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/standin/")) // the AWS stand-in is not the doctor
                    .filter(p -> !p.getFileName().toString().equals("ClaudeCodeSurface.java"))
                    .forEach(sources::add);
        }
        for (Path source : sources) {
            Matcher m = literal.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (m.find()) {
                if (!catalogued.contains(m.group(1))) {
                    missing.add(m.group(1) + " (" + source.getFileName() + ")");
                }
            }
        }
        assertTrue(sources.size() > 50, "read the main sources from " + Path.of("").toAbsolutePath());
        assertEquals(Set.of(), missing, "named in the code but not in claude/ClaudeCodeSurface");
    }

    @Test
    void theEffectiveConfigurationShowsTheCataloguedKeys() {
        assertEquals(ClaudeCodeSurface.shownVariables(), EffectiveConfiguration.VARIABLES);
        assertTrue(EffectiveConfiguration.VARIABLES.containsAll(List.of("CLAUDE_CODE_USE_BEDROCK", "AWS_REGION",
                "AWS_PROFILE", "HTTPS_PROXY", "NODE_EXTRA_CA_CERTS")));
        assertTrue(EffectiveConfiguration.SETTINGS_KEYS.containsAll(List.of("model", "awsAuthRefresh",
                "awsCredentialExport", "apiKeyHelper")));
        assertTrue(EffectiveConfiguration.SECRET_NAMES.containsAll(List.of("AWS_SECRET_ACCESS_KEY",
                "AWS_BEARER_TOKEN_BEDROCK", "ANTHROPIC_AUTH_TOKEN")));
    }
}
