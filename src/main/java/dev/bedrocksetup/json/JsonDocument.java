package dev.bedrocksetup.json;

import dev.bedrocksetup.json.JsonNode.ArrayNode;
import dev.bedrocksetup.json.JsonNode.Member;
import dev.bedrocksetup.json.JsonNode.ObjectNode;
import dev.bedrocksetup.json.JsonNode.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Strict JSON (RFC 8259, as JavaScript's JSON.parse reads it — which is how Claude Code reads settings): no comments,
 * no trailing commas, no byte order mark. Keeps the source text and every node's span.
 */
public final class JsonDocument {
    private static final int MAX_DEPTH = 512;

    private final String text;
    private final JsonNode root;

    private JsonDocument(String text, JsonNode root) {
        this.text = text;
        this.root = root;
    }

    public static JsonDocument parse(String text) throws JsonSyntaxException {
        return parse(text, false);
    }

    /** JSON with comments and trailing commas, as VS Code reads its settings (for reading only, never editing). */
    public static JsonDocument parseLenient(String text) throws JsonSyntaxException {
        return parse(text.startsWith("\uFEFF") ? text.substring(1) : text, true);
    }

    /** Strict JSON, or (lenient) JSON with comments and trailing commas; offsets always match the text given. */
    public static JsonDocument parse(String text, boolean lenient) throws JsonSyntaxException {
        Parser p = new Parser(text, lenient);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            throw p.error("a byte order mark (BOM) starts the file; Claude Code does not accept it", 0);
        }
        p.skipWhitespace();
        if (p.pos >= text.length()) {
            throw p.error("the file has no JSON value (it is empty)", p.pos);
        }
        JsonNode root = p.value(0);
        p.skipWhitespace();
        if (p.pos < text.length()) {
            throw p.error("unexpected " + p.describe(p.pos) + " after the end of the JSON value", p.pos);
        }
        return new JsonDocument(text, root);
    }

    public String text() {
        return text;
    }

    public JsonNode root() {
        return root;
    }

    /** Keys that occur twice in one object anywhere in the document: {"key", line} pairs, first repeat only. */
    public List<String[]> duplicateKeys() {
        List<String[]> out = new ArrayList<>();
        collectDuplicates(root, "", out);
        return out;
    }

    private void collectDuplicates(JsonNode node, String path, List<String[]> out) {
        if (node instanceof ObjectNode) {
            Set<String> seen = new HashSet<>();
            for (Member m : ((ObjectNode) node).members()) {
                String p = path.isEmpty() ? m.key() : path + "." + m.key();
                if (!seen.add(m.key())) {
                    out.add(new String[] {p, Integer.toString(lineOf(m.start()))});
                }
                collectDuplicates(m.value(), p, out);
            }
        } else if (node instanceof ArrayNode) {
            List<JsonNode> els = ((ArrayNode) node).elements();
            for (int i = 0; i < els.size(); i++) {
                collectDuplicates(els.get(i), path + "[" + i + "]", out);
            }
        }
    }

    /** 1-based line of a character offset. */
    public int lineOf(int offset) {
        return Parser.lineOf(text, offset);
    }

    private static final class Parser {
        private final String s;
        private final boolean lenient;
        int pos;

        Parser(String s, boolean lenient) {
            this.s = s;
            this.lenient = lenient;
        }

        static int lineOf(String s, int offset) {
            int line = 1;
            for (int i = 0; i < offset && i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        JsonSyntaxException error(String reason, int at) {
            int line = 1;
            int col = 1;
            for (int i = 0; i < at && i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n') {
                    line++;
                    col = 1;
                } else if (!Character.isLowSurrogate(c)) {
                    col++;
                }
            }
            return new JsonSyntaxException(reason, line, col);
        }

        String describe(int at) {
            if (at >= s.length()) {
                return "end of file";
            }
            char c = s.charAt(at);
            if (c == '/' && at + 1 < s.length() && (s.charAt(at + 1) == '/' || s.charAt(at + 1) == '*')) {
                return "comment (JSON allows none)";
            }
            if (c < 0x20) {
                return String.format("control character U+%04X", (int) c);
            }
            return "'" + new String(Character.toChars(s.codePointAt(at))) + "'";
        }

        void skipWhitespace() throws JsonSyntaxException {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else if (lenient && c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '/') {
                    while (pos < s.length() && s.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (lenient && c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '*') {
                    int end = s.indexOf("*/", pos + 2);
                    if (end < 0) {
                        throw error("unterminated comment", pos);
                    }
                    pos = end + 2;
                } else {
                    return;
                }
            }
        }

        JsonNode value(int depth) throws JsonSyntaxException {
            if (depth > MAX_DEPTH) {
                throw error("nesting deeper than " + MAX_DEPTH + " levels", pos);
            }
            if (pos >= s.length()) {
                throw error("unexpected end of file where a value was expected", pos);
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"': {
                    int start = pos;
                    String str = string();
                    return new ScalarNode(start, pos, str);
                }
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", JsonNode.NULL);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected " + describe(pos) + " where a value was expected", pos);
            }
        }

        private ScalarNode literal(String word, Object value) throws JsonSyntaxException {
            if (!s.startsWith(word, pos)) {
                throw error("unexpected " + describe(pos) + " where a value was expected", pos);
            }
            int start = pos;
            pos += word.length();
            return new ScalarNode(start, pos, value);
        }

        private ScalarNode number() throws JsonSyntaxException {
            int start = pos;
            if (s.charAt(pos) == '-') {
                pos++;
            }
            if (pos >= s.length() || !isDigit(s.charAt(pos))) {
                throw error("invalid number", start);
            }
            if (s.charAt(pos) == '0') {
                pos++;
                if (pos < s.length() && isDigit(s.charAt(pos))) {
                    throw error("invalid number (leading zero)", start);
                }
            } else {
                while (pos < s.length() && isDigit(s.charAt(pos))) {
                    pos++;
                }
            }
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                if (pos >= s.length() || !isDigit(s.charAt(pos))) {
                    throw error("invalid number (no digit after '.')", start);
                }
                while (pos < s.length() && isDigit(s.charAt(pos))) {
                    pos++;
                }
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                if (pos >= s.length() || !isDigit(s.charAt(pos))) {
                    throw error("invalid number (no digit in exponent)", start);
                }
                while (pos < s.length() && isDigit(s.charAt(pos))) {
                    pos++;
                }
            }
            BigDecimal value;
            try {
                value = new BigDecimal(s.substring(start, pos));
            } catch (NumberFormatException | ArithmeticException e) {
                throw error("number out of range", start);
            }
            return new ScalarNode(start, pos, value);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private String string() throws JsonSyntaxException {
            int start = pos;
            pos++; // opening quote
            StringBuilder sb = null;
            int runStart = pos;
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated string", start);
                }
                char c = s.charAt(pos);
                if (c == '"') {
                    String result = sb == null ? s.substring(runStart, pos) : sb.append(s, runStart, pos).toString();
                    pos++;
                    return result;
                }
                if (c < 0x20) {
                    throw error("unescaped " + describe(pos) + " inside a string", pos);
                }
                if (c == '\\') {
                    if (sb == null) {
                        sb = new StringBuilder();
                    }
                    sb.append(s, runStart, pos);
                    if (pos + 1 >= s.length()) {
                        throw error("unterminated string", start);
                    }
                    char e = s.charAt(pos + 1);
                    switch (e) {
                        case '"': sb.append('"'); break;
                        case '\\': sb.append('\\'); break;
                        case '/': sb.append('/'); break;
                        case 'b': sb.append('\b'); break;
                        case 'f': sb.append('\f'); break;
                        case 'n': sb.append('\n'); break;
                        case 'r': sb.append('\r'); break;
                        case 't': sb.append('\t'); break;
                        case 'u': {
                            if (pos + 6 > s.length()) {
                                throw error("invalid \\u escape", pos);
                            }
                            int cp = 0;
                            for (int i = pos + 2; i < pos + 6; i++) {
                                int d = Character.digit(s.charAt(i), 16);
                                if (d < 0) {
                                    throw error("invalid \\u escape", pos);
                                }
                                cp = cp * 16 + d;
                            }
                            sb.append((char) cp);
                            pos += 4;
                            break;
                        }
                        default:
                            throw error("invalid escape '\\" + e + "'", pos);
                    }
                    pos += 2;
                    runStart = pos;
                    continue;
                }
                pos++;
            }
        }

        private ObjectNode object(int depth) throws JsonSyntaxException {
            int start = pos;
            pos++;
            List<Member> members = new ArrayList<>();
            skipWhitespace();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return new ObjectNode(start, pos, members);
            }
            while (true) {
                skipWhitespace();
                if (pos >= s.length()) {
                    throw error("unexpected end of file inside an object (missing '}')", pos);
                }
                if (s.charAt(pos) != '"') {
                    if (lenient && s.charAt(pos) == '}' && !members.isEmpty()) {
                        pos++;
                        return new ObjectNode(start, pos, members);
                    }
                    if (s.charAt(pos) == '}' && !members.isEmpty()) {
                        throw error("trailing comma before '}' (JSON allows none)", lastComma(pos));
                    }
                    throw error("unexpected " + describe(pos) + " where a quoted key was expected", pos);
                }
                int keyStart = pos;
                String key = string();
                int keyEnd = pos;
                skipWhitespace();
                if (pos >= s.length() || s.charAt(pos) != ':') {
                    throw error("expected ':' after key \"" + key + "\" but found " + describe(pos), pos);
                }
                pos++;
                skipWhitespace();
                JsonNode v = value(depth + 1);
                members.add(new Member(key, keyStart, keyEnd, v));
                skipWhitespace();
                if (pos >= s.length()) {
                    throw error("unexpected end of file inside an object (missing '}')", pos);
                }
                char c = s.charAt(pos);
                if (c == ',') {
                    pos++;
                    continue;
                }
                if (c == '}') {
                    pos++;
                    return new ObjectNode(start, pos, members);
                }
                throw error("expected ',' or '}' but found " + describe(pos), pos);
            }
        }

        private int lastComma(int before) {
            int i = before - 1;
            while (i > 0 && s.charAt(i) != ',') {
                i--;
            }
            return i;
        }

        private ArrayNode array(int depth) throws JsonSyntaxException {
            int start = pos;
            pos++;
            List<JsonNode> elements = new ArrayList<>();
            skipWhitespace();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return new ArrayNode(start, pos, elements);
            }
            while (true) {
                skipWhitespace();
                if (lenient && pos < s.length() && s.charAt(pos) == ']' && !elements.isEmpty()) {
                    pos++;
                    return new ArrayNode(start, pos, elements);
                }
                if (pos < s.length() && s.charAt(pos) == ']' && !elements.isEmpty()) {
                    throw error("trailing comma before ']' (JSON allows none)", lastComma(pos));
                }
                elements.add(value(depth + 1));
                skipWhitespace();
                if (pos >= s.length()) {
                    throw error("unexpected end of file inside an array (missing ']')", pos);
                }
                char c = s.charAt(pos);
                if (c == ',') {
                    pos++;
                    continue;
                }
                if (c == ']') {
                    pos++;
                    return new ArrayNode(start, pos, elements);
                }
                throw error("expected ',' or ']' but found " + describe(pos), pos);
            }
        }
    }
}
