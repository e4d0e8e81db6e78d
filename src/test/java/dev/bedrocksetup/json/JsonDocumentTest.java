package dev.bedrocksetup.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonDocumentTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "line comment        | '{\\n  // note\\n  \"a\": 1\\n}'     | 2 | 3 | comment",
        "block comment       | '{ /* x */ \"a\": 1 }'              | 1 | 3 | comment",
        "trailing comma obj  | '{\\n  \"a\": 1,\\n}'               | 2 | 9 | trailing comma",
        "trailing comma arr  | '{\"a\": [1, 2,]}'                  | 1 | 12 | trailing comma",
        "single quotes       | '{''a'': 1}'                        | 1 | 2 | quoted key",
        "unterminated string | '{\"a\": \"x}'                      | 1 | 7 | unterminated",
        "missing colon       | '{\"a\" 1}'                         | 1 | 6 | expected ':'",
        "garbage after       | '{} x'                              | 1 | 4 | after the end",
        "leading zero        | '{\"a\": 01}'                       | 1 | 7 | leading zero",
        "bare word           | '{\"a\": yes}'                      | 1 | 7 | value was expected",
    })
    void refusesWhatJsonParseRefusesWithLineAndColumn(String name, String text, int line, int col, String words) {
        String src = text.replace("\\n", "\n");
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonDocument.parse(src));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(col, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void refusesByteOrderMarkAndEmptyText() {
        assertTrue(assertThrows(JsonSyntaxException.class, () -> JsonDocument.parse("\uFEFF{}")).getMessage()
                .contains("byte order mark"));
        assertTrue(assertThrows(JsonSyntaxException.class, () -> JsonDocument.parse("  \n")).getMessage()
                .contains("empty"));
    }

    @Test
    void readsValuesLikeJsonParse() throws Exception {
        JsonDocument d = JsonDocument.parse("{\"a\": \"caf\\u00e9 \\ud83d\\ude00\", \"n\": -1.50e2, \"l\": [true, null],"
                + " \"a\": \"last wins\"}");
        Map<?, ?> v = (Map<?, ?>) d.root().toValue();
        assertEquals("last wins", v.get("a"));
        assertEquals(0, new BigDecimal("-150").compareTo((BigDecimal) v.get("n")));
        assertEquals(List.of(true, JsonNode.NULL), v.get("l"));
        assertEquals(1, d.duplicateKeys().size());
        assertEquals("café 😀", ((Map<?, ?>) JsonDocument.parse("{\"a\": \"caf\\u00e9 \\ud83d\\ude00\"}").root()
                .toValue()).get("a"));
    }

    @Test
    void parsesATenMegabyteDocument() throws Exception {
        StringBuilder sb = new StringBuilder("{\n  \"big\": [\n");
        while (sb.length() < 10 * 1024 * 1024) {
            sb.append("    {\"k\": \"value ").append(sb.length()).append("\", \"n\": 1.5},\n");
        }
        sb.append("    {}\n  ]\n}\n");
        JsonDocument d = JsonDocument.parse(sb.toString());
        assertTrue(((JsonNode.ObjectNode) d.root()).member("big") != null);
    }
}
