package dev.bedrocksetup.claude;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.json.JsonEditor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Claude Code's provider switches, and what init does when the settings file it writes switches on another provider
 * beside Bedrock (decision 0032). Those switches are not ours, so init never edits them: when Bedrock wins anyway
 * (it comes first in Claude Code's order) init says the other is unused; Mantle is not beaten but combined with
 * Bedrock (some model IDs go to Mantle), so init refuses until the user removes it.
 */
public final class OtherProviders {
    private OtherProviders() {}

    /** The switches in the order Claude Code 2.1.330/2.1.332 tries them (decision 0031), with the provider's name. */
    public static final Map<String, String> IN_ORDER = new LinkedHashMap<>();

    static {
        IN_ORDER.put("CLAUDE_CODE_USE_BEDROCK", "Amazon Bedrock");
        IN_ORDER.put("CLAUDE_CODE_USE_FOUNDRY", "Microsoft Foundry");
        IN_ORDER.put("CLAUDE_CODE_USE_ANTHROPIC_AWS", "Claude Platform on AWS");
        IN_ORDER.put("CLAUDE_CODE_USE_ANTHROPIC_GOOGLE_CLOUD", "Claude Platform on Google Cloud");
        IN_ORDER.put("CLAUDE_CODE_USE_MANTLE", "Amazon Bedrock (Mantle)");
        IN_ORDER.put("CLAUDE_CODE_USE_VERTEX", "Google Vertex AI");
    }

    static final String MANTLE = "CLAUDE_CODE_USE_MANTLE";

    /**
     * Checks the file init is about to switch to Bedrock: exit 2 when it switches Mantle on too, a note per other
     * provider switched on (unused while Bedrock is on).
     */
    public static void check(Path file, JsonEditor settings, List<String> notes) {
        for (String name : IN_ORDER.keySet()) {
            if (name.equals("CLAUDE_CODE_USE_BEDROCK") || !isOn(settings, name)) {
                continue;
            }
            if (name.equals(MANTLE)) {
                throw BedrockSetupException.usage(file + " also switches on " + MANTLE + ": with Bedrock on, Claude "
                        + "Code sends a model ID Bedrock does not serve to Mantle, so two providers would be on",
                        "remove " + MANTLE + " from " + file + " (bedrock-setup does not edit it), then run init again");
            }
            notes.add(file + " also switches on " + name + " (" + IN_ORDER.get(name) + "); Claude Code takes "
                    + "Bedrock first, so it is unused: remove it from " + file + " to keep one provider on");
        }
    }

    /**
     * After a reset (decision 0039): the line to print when two or more providers are switched on in what Claude
     * Code reads (every settings file and the shell), naming each with where it comes from, the one Claude Code
     * uses, and the fix; null when at most one is on. Reset edits only the switches bedrock-setup wrote, so a second
     * one is the user's own or in a place reset does not touch (the shell, a scope left out): it is not removed,
     * but never left unsaid.
     */
    public static String stillOnAfterReset(EffectiveConfiguration config) {
        List<String> on = new java.util.ArrayList<>();
        List<String> shown = new java.util.ArrayList<>();
        for (String name : IN_ORDER.keySet()) {
            EffectiveConfiguration.Entry e = config.entry(name);
            if (e != null && e.winner() != null && ClaudeCodeValues.isOn(e.winner().text())) {
                on.add(name);
                shown.add(name + " (" + IN_ORDER.get(name) + ", from " + e.winner().origin + ")");
            }
        }
        if (on.size() < 2) {
            return null;
        }
        String first = IN_ORDER.get(on.get(0));
        String how = on.get(0).equals("CLAUDE_CODE_USE_BEDROCK") && on.contains(MANTLE)
                ? "Claude Code uses " + first + " and sends a model ID Bedrock does not serve to Mantle"
                : "Claude Code uses " + first + ", the first of them in its order";
        return on.size() + " providers are still switched on: " + String.join(", ", shown) + "; " + how
                + ". To keep one provider on, remove the others' switches (bedrock-setup does not edit them).";
    }

    private static boolean isOn(JsonEditor settings, String name) {
        var found = settings.find(List.of(OwnedKeys.ENV, name));
        Object v = found == null ? null : found.value().toValue();
        return v instanceof String s && ClaudeCodeValues.isOn(s);
    }
}
