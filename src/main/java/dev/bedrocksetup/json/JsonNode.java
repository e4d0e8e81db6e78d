package dev.bedrocksetup.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed JSON value that remembers where it stands in the source text ({@code start} inclusive, {@code end}
 * exclusive), so edits can be made as text splices that leave every other byte alone.
 */
public abstract class JsonNode {
    final int start;
    final int end;

    JsonNode(int start, int end) {
        this.start = start;
        this.end = end;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** The value as plain Java: Map (ordered), List, String, BigDecimal, Boolean, or {@link #NULL}. */
    public abstract Object toValue();

    /** The JSON null, distinct from "absent". */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Semantic equality of two plain values (numbers compared by value: 1.0 equals 1). */
    public static boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal && b instanceof BigDecimal) {
            return ((BigDecimal) a).compareTo((BigDecimal) b) == 0;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> ma = (Map<?, ?>) a;
            Map<?, ?> mb = (Map<?, ?>) b;
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !sameValue(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List && b instanceof List) {
            List<?> la = (List<?>) a;
            List<?> lb = (List<?>) b;
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!sameValue(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    /** An object: members in source order, with the span of each. */
    public static final class ObjectNode extends JsonNode {
        private final List<Member> members;

        ObjectNode(int start, int end, List<Member> members) {
            super(start, end);
            this.members = Collections.unmodifiableList(members);
        }

        public List<Member> members() {
            return members;
        }

        /** The last member with this key (the one JSON.parse keeps), or null. */
        public Member member(String key) {
            Member found = null;
            for (Member m : members) {
                if (m.key.equals(key)) {
                    found = m;
                }
            }
            return found;
        }

        public int indexOf(Member m) {
            return members.indexOf(m);
        }

        @Override
        public Object toValue() {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Member m : members) {
                map.put(m.key, m.value.toValue());
            }
            return map;
        }
    }

    /** One {@code "key": value} pair; {@code start} is the opening quote of the key, {@code end} the value's end. */
    public static final class Member {
        private final String key;
        private final int keyStart;
        private final int keyEnd;
        private final JsonNode value;

        Member(String key, int keyStart, int keyEnd, JsonNode value) {
            this.key = key;
            this.keyStart = keyStart;
            this.keyEnd = keyEnd;
            this.value = value;
        }

        public String key() {
            return key;
        }

        public int start() {
            return keyStart;
        }

        public int keyEnd() {
            return keyEnd;
        }

        public int end() {
            return value.end;
        }

        public JsonNode value() {
            return value;
        }
    }

    public static final class ArrayNode extends JsonNode {
        private final List<JsonNode> elements;

        ArrayNode(int start, int end, List<JsonNode> elements) {
            super(start, end);
            this.elements = Collections.unmodifiableList(elements);
        }

        public List<JsonNode> elements() {
            return elements;
        }

        @Override
        public Object toValue() {
            List<Object> list = new ArrayList<>(elements.size());
            for (JsonNode e : elements) {
                list.add(e.toValue());
            }
            return list;
        }
    }

    /** A string, number, boolean or null. */
    public static final class ScalarNode extends JsonNode {
        private final Object value;

        ScalarNode(int start, int end, Object value) {
            super(start, end);
            this.value = value;
        }

        @Override
        public Object toValue() {
            return value;
        }

        /** The string value, or null when this scalar is not a string. */
        public String stringValue() {
            return value instanceof String ? (String) value : null;
        }
    }
}
