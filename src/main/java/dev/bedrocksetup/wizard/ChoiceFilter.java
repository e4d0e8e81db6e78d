package dev.bedrocksetup.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What typing in a list keeps, best first: the item whose name is the text, names that start with it, names that
 * contain it, then items whose description contains it. A list item is "name  description" (two spaces apart), so
 * typing a profile's exact name picks that profile, not one whose description mentions it.
 */
final class ChoiceFilter {
    private ChoiceFilter() {
    }

    /** The name of an item: the label up to its first two spaces. */
    static String name(String label) {
        int cut = label.indexOf("  ");
        return cut > 0 ? label.substring(0, cut) : label;
    }

    /** The indexes of the labels that match {@code typed} (case-insensitive), ranked; all of them when it is empty. */
    static List<Integer> matches(List<String> labels, String typed) {
        String t = typed.toLowerCase(Locale.ROOT);
        List<List<Integer>> ranks = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i).toLowerCase(Locale.ROOT);
            String name = name(label);
            int rank = name.equals(t) ? 0 : name.startsWith(t) ? 1 : name.contains(t) ? 2 : label.contains(t) ? 3
                    : -1;
            if (rank >= 0) {
                ranks.get(rank).add(i);
            }
        }
        List<Integer> ranked = new ArrayList<>();
        ranks.forEach(ranked::addAll);
        return ranked;
    }
}
