package dev.bedrocksetup.standin;

import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.json.JsonSyntaxException;
import dev.bedrocksetup.json.JsonText;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for the stand-in's handlers, on the project's own json/ package (it ships in the jar for {@code init --demo},
 * and a JSON library for it alone would be most of a megabyte more; docs/decisions/0026). Requests are read as plain
 * values (maps, lists, strings, numbers); answers are built with {@link ObjectNode} and {@link ArrayNode}, which keep
 * the shape of the few builder calls the handlers make.
 */
final class Json {
    private Json() {}

    static ObjectNode object() {
        return new ObjectNode();
    }

    /** Parses a request body into an object; an empty body is an empty object; anything else is the client's fault. */
    static Map<?, ?> parse(byte[] body) {
        if (body.length == 0) {
            return Map.of();
        }
        try {
            if (JsonDocument.parse(new String(body, StandardCharsets.UTF_8)).root().toValue() instanceof Map<?, ?> m) {
                return m;
            }
        } catch (JsonSyntaxException e) {
            // answered below, as AWS answers it
        }
        throw new AwsError(400, "SerializationException", "The request body could not be parsed as JSON.");
    }

    /** A member's text (a number or boolean as written), or null when it is absent or null. */
    static String text(Map<?, ?> object, String field) {
        Object v = object.get(field);
        return v == null || v == dev.bedrocksetup.json.JsonNode.NULL ? null : String.valueOf(v);
    }

    /** A member that is a whole number, or {@code otherwise} when it is absent or not a number. */
    static int integer(Map<?, ?> object, String field, int otherwise) {
        return object.get(field) instanceof BigDecimal n ? n.intValue() : otherwise;
    }

    /** A member that is an object, or an empty one. */
    static Map<?, ?> member(Map<?, ?> object, String field) {
        return object.get(field) instanceof Map<?, ?> m ? m : Map.of();
    }

    /** A member that is an array, its elements as text; empty when it is absent or not an array. */
    static List<String> strings(Map<?, ?> object, String field) {
        List<String> out = new ArrayList<>();
        if (object.get(field) instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    static byte[] bytes(ObjectNode node) {
        return JsonText.write(node.value()).getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON object being built; members keep their order. */
    static final class ObjectNode {
        private final Map<String, Object> members = new LinkedHashMap<>();

        /** A string, number or boolean member (null writes null). */
        ObjectNode put(String name, Object value) {
            members.put(name, value);
            return this;
        }

        ObjectNode putNull(String name) {
            members.put(name, null);
            return this;
        }

        ObjectNode set(String name, ObjectNode value) {
            members.put(name, value);
            return this;
        }

        ObjectNode putObject(String name) {
            ObjectNode child = new ObjectNode();
            members.put(name, child);
            return child;
        }

        ArrayNode putArray(String name) {
            ArrayNode child = new ArrayNode();
            members.put(name, child);
            return child;
        }

        Object get(String name) {
            return members.get(name);
        }

        Map<String, Object> value() {
            Map<String, Object> out = new LinkedHashMap<>();
            members.forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
    }

    /** A JSON array being built. */
    static final class ArrayNode {
        private final List<Object> elements = new ArrayList<>();

        ArrayNode add(Object value) {
            elements.add(value);
            return this;
        }

        ObjectNode addObject() {
            ObjectNode child = new ObjectNode();
            elements.add(child);
            return child;
        }

        List<Object> value() {
            List<Object> out = new ArrayList<>();
            elements.forEach(v -> out.add(plain(v)));
            return out;
        }
    }

    private static Object plain(Object v) {
        return v instanceof ObjectNode o ? o.value() : v instanceof ArrayNode a ? a.value() : v;
    }
}
