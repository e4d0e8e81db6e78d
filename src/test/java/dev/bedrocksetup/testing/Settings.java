package dev.bedrocksetup.testing;

import dev.bedrocksetup.json.JsonText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Claude Code settings text for a test, in the shape tests have always written by hand: keys in the order given,
 * {@code ": "} after a key and {@code ", "} between entries, all on one line, {@code env} where its first variable
 * was added. {@code Settings.env("AWS_PROFILE", "k").key("awsAuthRefresh", "aws sso login").json()} is
 * {@code {"env": {"AWS_PROFILE": "k"}, "awsAuthRefresh": "aws sso login"}}. A string value is a JSON string; a
 * number or boolean is written bare (Claude Code reads {@code "env": {"X": 1}} too, and doctor warns about it).
 *
 * <p>Tests of byte preservation keep their literal input: there the exact spacing is what they test.
 */
public final class Settings {
    private Settings() {}

    /** Settings starting with this {@code env} variable. */
    public static Builder env(String name, Object value) {
        return new Builder().env(name, value);
    }

    /** Settings starting with this top-level key. */
    public static Builder key(String name, Object value) {
        return new Builder().key(name, value);
    }

    /** The first thing Claude Code on Bedrock needs: {@code CLAUDE_CODE_USE_BEDROCK=1}. */
    public static Builder bedrock() {
        return env("CLAUDE_CODE_USE_BEDROCK", "1");
    }

    /** The settings being built; {@link #json()} gives the text. */
    public static final class Builder {
        private final Map<String, Object> top = new LinkedHashMap<>();
        private final Map<String, Object> env = new LinkedHashMap<>();

        private Builder() {}

        /** Adds (or replaces) a variable of the {@code env} block. */
        public Builder env(String name, Object value) {
            top.putIfAbsent("env", env);
            env.put(name, value);
            return this;
        }

        /** Adds (or replaces) a top-level key, e.g. {@code awsAuthRefresh}, {@code model}. */
        public Builder key(String name, Object value) {
            if ("env".equals(name)) {
                throw new IllegalArgumentException("use env(name, value) for the env block");
            }
            top.put(name, value);
            return this;
        }

        /** The settings as one line of JSON, no trailing newline. */
        public String json() {
            return object(top);
        }

        @Override
        public String toString() {
            return json();
        }

        private static String object(Map<?, ?> entries) {
            StringBuilder sb = new StringBuilder("{");
            String separator = "";
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                sb.append(separator).append(JsonText.quote(String.valueOf(e.getKey()))).append(": ")
                        .append(value(e.getValue()));
                separator = ", ";
            }
            return sb.append('}').toString();
        }

        private static String value(Object v) {
            if (v instanceof Map<?, ?> m) {
                return object(m);
            }
            return JsonText.write(v);
        }
    }
}
