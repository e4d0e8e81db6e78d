package dev.bedrocksetup.testing;

import dev.bedrocksetup.claude.OwnedKeys;
import dev.bedrocksetup.json.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates settings.json texts the way people and tools write them: 2/4-space, tab, compact and mixed layouts,
 * LF or CRLF, with or without a final newline, nested objects and arrays, unicode and escapes, number spellings,
 * and bedrock-setup's own keys present, absent, or holding conflicting (even non-string) values.
 */
public final class SettingsTextGenerator {
    private final Random rnd;
    private String nl;
    private String unit;
    private boolean compact;
    private boolean spaceAfterColon;

    public SettingsTextGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    public String generate() {
        nl = rnd.nextInt(4) == 0 ? "\r\n" : "\n";
        int style = rnd.nextInt(5);
        compact = style == 0;
        unit = style == 1 ? "  " : style == 2 ? "    " : style == 3 ? "\t" : " ";
        spaceAfterColon = rnd.nextInt(4) != 0;
        List<String> members = new ArrayList<>();
        int n = rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            members.add(member(foreignKey(), value(1, 3), 1));
        }
        if (rnd.nextInt(4) != 0) {
            members.add(rnd.nextInt(members.size() + 1), member("env", envObject(), 1));
        }
        for (List<String> k : OwnedKeys.ALL) {
            if (k.size() == 1 && rnd.nextInt(5) == 0) {
                members.add(rnd.nextInt(members.size() + 1), member(k.get(0), ownValue(), 1));
            }
        }
        String text = object(members, 0);
        if (rnd.nextBoolean()) {
            text += nl;
        }
        if (rnd.nextInt(10) == 0) {
            text = nl + "  " + text; // leading white space
        }
        return text;
    }

    private String envObject() {
        List<String> members = new ArrayList<>();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            members.add(member(foreignEnvKey(), JsonText.quote(string()), 2));
        }
        for (List<String> k : OwnedKeys.ALL) {
            if (k.size() == 2 && rnd.nextInt(4) == 0) {
                members.add(rnd.nextInt(members.size() + 1), member(k.get(1), ownValue(), 2));
            }
        }
        if (members.isEmpty()) {
            String[] empties = {"{}", "{ }", "{" + nl + indent(1) + "}", "{" + nl + nl + "}"};
            return empties[rnd.nextInt(empties.length)];
        }
        return object(members, 1);
    }

    private String ownValue() {
        switch (rnd.nextInt(6)) {
            case 0:
                return "1";
            case 1:
                return "true";
            case 2:
                return "null";
            case 3:
                return JsonText.quote("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
            default:
                return JsonText.quote(string());
        }
    }

    private String member(String key, String value, int depth) {
        return JsonText.quote(key) + (compact ? ":" : spaceAfterColon ? ": " : " : ") + value;
    }

    private String object(List<String> members, int depth) {
        if (members.isEmpty()) {
            return rnd.nextBoolean() ? "{}" : "{ }";
        }
        StringBuilder sb = new StringBuilder("{");
        boolean singleLine = compact || rnd.nextInt(8) == 0;
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                sb.append(",");
            }
            if (singleLine) {
                sb.append(compact ? "" : " ");
            } else {
                sb.append(nl).append(indent(depth + 1));
            }
            sb.append(members.get(i));
        }
        if (singleLine) {
            sb.append(compact ? "" : " ");
        } else {
            sb.append(nl).append(indent(depth));
        }
        return sb.append("}").toString();
    }

    private String indent(int depth) {
        return unit.repeat(depth);
    }

    private String value(int depth, int maxDepth) {
        int kind = rnd.nextInt(depth >= maxDepth ? 4 : 6);
        switch (kind) {
            case 0:
                return JsonText.quote(string());
            case 1:
                return number();
            case 2:
                return new String[] {"true", "false", "null"}[rnd.nextInt(3)];
            case 3:
                return rawEscapedString();
            case 4: {
                List<String> ms = new ArrayList<>();
                int n = rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    ms.add(member(foreignKey(), value(depth + 1, maxDepth), depth + 1));
                }
                return object(ms, depth);
            }
            default: {
                int n = rnd.nextInt(4);
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(compact ? "," : ", ");
                    }
                    sb.append(value(depth + 1, maxDepth));
                }
                return sb.append("]").toString();
            }
        }
    }

    private String number() {
        String[] spellings = {"0", "-0", "1.0", "1.50", "1e5", "1E+2", "-3.25e-7", "12345678901234567890", "42"};
        return spellings[rnd.nextInt(spellings.length)];
    }

    /** A string whose source text uses escapes another writer would spell differently. */
    private String rawEscapedString() {
        String[] s = {"\"caf\\u00e9\"", "\"a\\/b\"", "\"tab\\there\"", "\"quote\\\"d\"", "\"\\ud83d\\ude00\"",
            "\"line\\nbreak\"", "\"\\u2028\""};
        return s[rnd.nextInt(s.length)];
    }

    private String foreignKey() {
        String[] keys = {"permissions", "hooks", "mcpServers", "model", "statusLine", "theme", "apiKeyHelper",
            "enabledPlugins", "futureKey", "ключ", "名前", "emoji😀", "with space", "a\"quote", "cleanupPeriodDays"};
        return keys[rnd.nextInt(keys.length)] + (rnd.nextInt(3) == 0 ? Integer.toString(rnd.nextInt(100)) : "");
    }

    private String foreignEnvKey() {
        String[] keys = {"FOO", "HTTPS_PROXY", "NODE_EXTRA_CA_CERTS", "DISABLE_TELEMETRY", "BASH_DEFAULT_TIMEOUT_MS"};
        return keys[rnd.nextInt(keys.length)] + "_" + rnd.nextInt(1000);
    }

    private String string() {
        String[] s = {"", "x", "bär", "日本語", "emoji 😀", "with \"quotes\"", "back\\slash", "us-east-1", "dev",
            "Bash(npm run test:*)", "line\nbreak", "tab\t"};
        return s[rnd.nextInt(s.length)];
    }
}
