package dev.bedrocksetup.bedrock;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which Claude models take the {@code [1m]} tag, read from the model table of Claude Code 2.1.330 (the same in
 * 2.1.332; decision 0031). Claude Code strips the tag before it calls Bedrock (e2e/ClaudeCodeBedrockSurfaceTest) and
 * asks for the 1M window instead; the table says for which models that means anything.
 */
public final class OneMillionContext {
    private OneMillionContext() {}

    public enum Kind {
        /** Takes the tag: a 200K model with a 1M window on request, or a 1M model that also accepts the tag. */
        TAKES_TAG,
        /** Has a 1M window already; the tag is not one of its spellings. */
        NATIVE_ONLY,
        /** A 200K window and no larger one: the tag gives no 1M context. */
        NO_1M
    }

    private static final Map<String, Kind> MODELS = Map.ofEntries(
            Map.entry("claude-haiku-4-5", Kind.NO_1M),
            Map.entry("claude-haiku-5-5", Kind.NATIVE_ONLY),
            Map.entry("claude-sonnet-4-0", Kind.TAKES_TAG),
            Map.entry("claude-sonnet-4-5", Kind.TAKES_TAG),
            Map.entry("claude-sonnet-4-6", Kind.TAKES_TAG),
            Map.entry("claude-sonnet-5", Kind.NATIVE_ONLY),
            Map.entry("claude-sonnet-5-5", Kind.NATIVE_ONLY),
            Map.entry("claude-opus-4-0", Kind.NO_1M),
            Map.entry("claude-opus-4-1", Kind.NO_1M),
            Map.entry("claude-opus-4-5", Kind.NO_1M),
            Map.entry("claude-opus-4-6", Kind.TAKES_TAG),
            Map.entry("claude-opus-4-7", Kind.TAKES_TAG),
            Map.entry("claude-opus-4-8", Kind.TAKES_TAG),
            Map.entry("claude-opus-5", Kind.TAKES_TAG),
            Map.entry("claude-opus-5-5", Kind.TAKES_TAG),
            Map.entry("claude-fable-5", Kind.NATIVE_ONLY),
            Map.entry("claude-fable-5-1", Kind.NATIVE_ONLY),
            Map.entry("claude-fable-5-2", Kind.NATIVE_ONLY));

    /** The tag at the end of a model value ("[1m]", any case, as Claude Code matches it). */
    public static final Pattern TAG = Pattern.compile("\\[1m\\]$", Pattern.CASE_INSENSITIVE);

    /** The ID Claude Code sends for a value: without the tag. */
    public static String withoutTag(String id) {
        return id == null ? null : TAG.matcher(id).replaceFirst("");
    }

    public static boolean hasTag(String id) {
        return id != null && TAG.matcher(id).find();
    }

    private static final Pattern PREFIX = Pattern.compile("^(?:[a-z]{2,6}(?:-gov)?\\.)?anthropic\\.");
    private static final Pattern VERSION = Pattern.compile("(?:-\\d{8})?(?:-v\\d+(?::\\d+)?)?$");

    /** The family-and-version name of a Bedrock model ID ("claude-sonnet-4-5"), or null when not Claude's. */
    public static String modelName(String id) {
        String bare = PREFIX.matcher(id).replaceFirst("");
        if (!bare.startsWith("claude-")) {
            return null;
        }
        String name = VERSION.matcher(bare).replaceFirst("");
        return MODELS.containsKey(name) || !MODELS.containsKey(name + "-0") ? name : name + "-0";
    }

    /** What the tag does on this model, or null for a model the table does not know. */
    public static Kind of(String idWithoutTag) {
        String name = modelName(idWithoutTag);
        return name == null ? null : MODELS.get(name);
    }
}
