package dev.bedrocksetup.json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Writes plain values as JSON text: minimal escaping, non-ASCII kept as is. */
public final class JsonText {
    private JsonText() {}

    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }

    /** Compact JSON for a plain value (Map, List, String, Number, Boolean, null or {@link JsonNode#NULL}). */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, null, "");
        return sb.toString();
    }

    /** Pretty JSON with the given indent unit, as a new file would be written. */
    public static String pretty(Object value, String indent) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, indent, "");
        return sb.toString();
    }

    private static void write(Object v, StringBuilder sb, String unit, String current) {
        if (v == null || v == JsonNode.NULL) {
            sb.append("null");
        } else if (v instanceof String) {
            sb.append(quote((String) v));
        } else if (v instanceof BigDecimal) {
            sb.append(((BigDecimal) v).toString());
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) v;
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            String inner = unit == null ? "" : current + unit;
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                if (unit != null) {
                    sb.append('\n').append(inner);
                }
                sb.append(quote(String.valueOf(e.getKey()))).append(unit == null ? ":" : ": ");
                write(e.getValue(), sb, unit, inner);
            }
            if (unit != null) {
                sb.append('\n').append(current);
            }
            sb.append('}');
        } else if (v instanceof List) {
            List<?> l = (List<?>) v;
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            String inner = unit == null ? "" : current + unit;
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                if (unit != null) {
                    sb.append('\n').append(inner);
                }
                write(l.get(i), sb, unit, inner);
            }
            if (unit != null) {
                sb.append('\n').append(current);
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass());
        }
    }
}
