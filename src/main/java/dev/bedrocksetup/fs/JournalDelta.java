package dev.bedrocksetup.fs;

import dev.bedrocksetup.json.JsonText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to take one journal edit back, entry by entry: which file entries it added (to which change set) and which it
 * removed (from where). Kept per entry rather than as a copy of the old journal because other processes change the
 * journal meanwhile, for other files: taking back our edit must not take back theirs.
 */
final class JournalDelta {
    private JournalDelta() {}

    /** The entries {@code after} has that {@code before} had not, and the other way round. */
    static Map<String, Object> between(List<Map<String, Object>> before, List<Map<String, Object>> after) {
        Map<String, List<String>> beforeById = entriesById(before);
        Map<String, List<String>> afterById = entriesById(after);
        List<Object> added = new ArrayList<>();
        for (Map<String, Object> set : after) {
            List<String> old = new ArrayList<>(beforeById.getOrDefault(id(set), List.of()));
            for (Map<String, Object> entry : files(set)) {
                if (!old.remove(JsonText.write(entry))) {
                    added.add(Map.of("set", header(set), "entry", entry));
                }
            }
        }
        List<Object> removed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            Map<String, Object> set = before.get(i);
            List<String> now = new ArrayList<>(afterById.getOrDefault(id(set), List.of()));
            List<Map<String, Object>> entries = files(set);
            for (int j = 0; j < entries.size(); j++) {
                if (!now.remove(JsonText.write(entries.get(j)))) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("set", header(set));
                    r.put("setIndex", i);
                    r.put("index", j);
                    r.put("entry", entries.get(j));
                    removed.add(r);
                }
            }
        }
        Map<String, Object> delta = new LinkedHashMap<>();
        delta.put("added", added);
        delta.put("removed", removed);
        return delta;
    }

    /**
     * Takes {@code delta} back on the journal as it is now. Added entries of a file in {@code keptPaths} stay (that
     * file may hold what they describe); removed ones always come back.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> undo(List<Map<String, Object>> sets, Object delta, Set<String> keptPaths) {
        if (!(delta instanceof Map)) {
            return sets;
        }
        Map<String, Object> d = (Map<String, Object>) delta;
        for (Object o : (List<Object>) d.getOrDefault("added", List.of())) {
            Map<String, Object> a = (Map<String, Object>) o;
            Map<String, Object> entry = (Map<String, Object>) a.get("entry");
            if (keptPaths.contains(String.valueOf(entry.get("path")))) {
                continue;
            }
            Map<String, Object> set = find(sets, id((Map<String, Object>) a.get("set")));
            if (set != null) {
                List<Map<String, Object>> files = files(set);
                String text = JsonText.write(entry);
                for (int i = 0; i < files.size(); i++) {
                    if (JsonText.write(files.get(i)).equals(text)) {
                        files.remove(i);
                        break;
                    }
                }
                set.put("files", files);
                if (files.isEmpty()) {
                    sets.remove(set);
                }
            }
        }
        for (Object o : (List<Object>) d.getOrDefault("removed", List.of())) {
            Map<String, Object> r = (Map<String, Object>) o;
            Map<String, Object> header = (Map<String, Object>) r.get("set");
            Map<String, Object> set = find(sets, id(header));
            if (set == null) {
                set = new LinkedHashMap<>(header);
                set.put("files", new ArrayList<>());
                sets.add(Math.min(((Number) r.get("setIndex")).intValue(), sets.size()), set);
            }
            List<Map<String, Object>> files = files(set);
            files.add(Math.min(((Number) r.get("index")).intValue(), files.size()), (Map<String, Object>) r.get("entry"));
            set.put("files", files);
        }
        return sets;
    }

    private static Map<String, List<String>> entriesById(List<Map<String, Object>> sets) {
        Map<String, List<String>> out = new HashMap<>();
        for (Map<String, Object> set : sets) {
            List<String> texts = out.computeIfAbsent(id(set), k -> new ArrayList<>());
            for (Map<String, Object> entry : files(set)) {
                texts.add(JsonText.write(entry));
            }
        }
        return out;
    }

    private static Map<String, Object> find(List<Map<String, Object>> sets, String id) {
        for (Map<String, Object> set : sets) {
            if (id.equals(id(set))) {
                return set;
            }
        }
        return null;
    }

    /** A change set without its files: what recreating it needs. */
    private static Map<String, Object> header(Map<String, Object> set) {
        Map<String, Object> h = new LinkedHashMap<>(set);
        h.remove("files");
        return h;
    }

    private static String id(Map<String, Object> set) {
        return String.valueOf(set.get("id"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> files(Map<String, Object> set) {
        return new ArrayList<>((List<Map<String, Object>>) set.getOrDefault("files", List.of()));
    }
}
