package dev.bedrocksetup.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonEditorTest {
    @Test
    void insertsInTheObjectsOwnStyle() throws Exception {
        JsonEditor e = new JsonEditor("{\n\t\"a\": 1\n}");
        e.set(List.of("env", "X"), "\"1\"");
        assertEquals("{\n\t\"a\": 1,\n\t\"env\": {\n\t\t\"X\": \"1\"\n\t}\n}", e.text());

        JsonEditor compact = new JsonEditor("{\"a\":1,\"b\":2}");
        compact.set(List.of("c"), "\"3\"");
        assertEquals("{\"a\":1,\"b\":2,\"c\":\"3\"}", compact.text());

        JsonEditor crlf = new JsonEditor("{\r\n    \"a\": 1\r\n}\r\n");
        crlf.set(List.of("b"), "\"x\"");
        assertEquals("{\r\n    \"a\": 1,\r\n    \"b\": \"x\"\r\n}\r\n", crlf.text());
    }

    @Test
    void replacesOnlyTheValueSpan() throws Exception {
        JsonEditor e = new JsonEditor("{\"env\" :{ \"R\"  :  1 , \"S\":\"s\" }}");
        Map<String, Object> undo = e.set(List.of("env", "R"), "\"us-east-1\"");
        assertEquals("{\"env\" :{ \"R\"  :  \"us-east-1\" , \"S\":\"s\" }}", e.text());
        e.undo(List.of("env", "R"), undo);
        assertEquals("{\"env\" :{ \"R\"  :  1 , \"S\":\"s\" }}", e.text());
    }

    @Test
    void removalAndUndoAreExactInverses() throws Exception {
        String[] docs = {"{\"a\": 1, \"b\": 2, \"c\": 3}", "{\n  \"a\": 1,\n  \"b\": 2\n}", "{ \"b\" : 2 }",
            "{\"b\":2,\"a\":1}"};
        for (String d : docs) {
            JsonEditor e = new JsonEditor(d);
            Map<String, Object> undo = e.remove(List.of("b"));
            e.undo(List.of("b"), undo);
            assertEquals(d, e.text());
        }
    }
}
