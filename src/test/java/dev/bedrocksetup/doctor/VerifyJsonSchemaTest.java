package dev.bedrocksetup.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bedrocksetup.standin.StandInFixture;
import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `verify --json` prints what docs/schema/verify.schema.json and docs/administrators.md promise, in a passing and a
 * failing run against the stand-in (issue 18 item 5): a fleet's collector can rely on the fields.
 */
class VerifyJsonSchemaTest {
    static final Path SCHEMA = Path.of("docs/schema/verify.schema.json");

    @TempDir
    Path dir;
    StandInHome stand;

    @BeforeEach
    void start() throws Exception {
        stand = new StandInHome(dir, StandInFixture.twoAccounts());
        stand.staticKeysProfile("dev", "dev", "us-east-1");
        stand.home.write(".claude/settings.json", "{\"env\": {\"CLAUDE_CODE_USE_BEDROCK\": \"1\", \"AWS_REGION\": "
                + "\"us-east-1\", \"AWS_PROFILE\": \"dev\", \"ANTHROPIC_MODEL\": "
                + "\"us.anthropic.claude-sonnet-4-5-20250929-v1:0\"}}");
    }

    @AfterEach
    void close() {
        stand.close();
    }

    private JsonNode verify(int exit) throws Exception {
        Run r = stand.home.run("verify", "--json", "--project-dir", dir.resolve("p").toString());
        assertEquals(exit, r.exit, r.toString());
        return new ObjectMapper().readTree(r.out);
    }

    @Test
    void passingAndFailingRunsMatchTheDocumentedSchema() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(Files.readString(SCHEMA));
        JsonNode pass = verify(0);
        assertEquals(List.of(), violations(schema, pass, "$"), pass.toPrettyString());
        assertTrue(pass.get("pass").asBoolean());

        stand.scenario.grantOnly(StandInFixture.ACCOUNT, "us-east-1", "anthropic.claude-haiku-4-5-20251001-v1:0");
        JsonNode fail = verify(1);
        assertEquals(List.of(), violations(schema, fail, "$"), fail.toPrettyString());
        assertEquals(false, fail.get("pass").asBoolean());
        boolean failedWithFix = false;
        for (JsonNode c : fail.get("checks")) {
            failedWithFix |= c.get("status").asText().equals("fail") && c.get("fix").isTextual();
        }
        assertTrue(failedWithFix, "a failed check carries its fix: " + fail.toPrettyString());
    }

    @Test
    void theAdministratorsGuideDocumentsEveryFieldAndTheVersion() throws Exception {
        String guide = Files.readString(Path.of("docs/administrators.md"), StandardCharsets.UTF_8);
        JsonNode schema = new ObjectMapper().readTree(Files.readString(SCHEMA));
        Set<String> fields = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(fields::add);
        schema.get("properties").get("checks").get("items").get("properties").fieldNames()
                .forEachRemaining(fields::add);
        for (String f : fields) {
            assertTrue(guide.contains("`" + f + "`"), f + " is documented in docs/administrators.md");
        }
        assertTrue(guide.contains("docs/schema/verify.schema.json"), "the guide names the schema file");
        assertTrue(guide.contains("\"schemaVersion\": " + schema.get("properties").get("schemaVersion").get("const")),
                "the guide's example shows the current version");
    }

    /** The subset of JSON Schema the verify schema uses: type, const, enum, required, properties, items. */
    static List<String> violations(JsonNode schema, JsonNode value, String at) {
        List<String> out = new ArrayList<>();
        JsonNode type = schema.get("type");
        if (type != null) {
            List<String> types = new ArrayList<>();
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            } else {
                types.add(type.asText());
            }
            if (!types.contains(typeOf(value))) {
                out.add(at + " is " + typeOf(value) + ", not " + types);
                return out;
            }
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            out.add(at + " is " + value + ", not " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(value);
            }
            if (!found) {
                out.add(at + " " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            JsonNode properties = schema.get("properties");
            schema.path("required").forEach(r -> {
                if (!value.has(r.asText())) {
                    out.add(at + "." + r.asText() + " is missing");
                }
            });
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                if (properties == null || !properties.has(f.getKey())) {
                    out.add(at + "." + f.getKey() + " is not in the schema");
                } else {
                    out.addAll(violations(properties.get(f.getKey()), f.getValue(), at + "." + f.getKey()));
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                out.addAll(violations(schema.get("items"), value.get(i), at + "[" + i + "]"));
            }
        }
        return out;
    }

    private static String typeOf(JsonNode v) {
        return v.isNull() ? "null" : v.isBoolean() ? "boolean" : v.isIntegralNumber() ? "integer" : v.isNumber()
                ? "number" : v.isTextual() ? "string" : v.isArray() ? "array" : "object";
    }
}
