package dev.bedrocksetup.bedrock;

import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.fs.TextFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The Claude inference-profile IDs of the last catalogue read in each region, for shell completion of --model: a
 * TAB press cannot wait for AWS. One "region TAB id" line each, in the user's cache directory; IDs only (no ARN,
 * account or credential), so nothing in it is private. A cache: unreadable or unwritable is the same as empty.
 */
public final class ModelIdCache {
    private ModelIdCache() {}

    /** What a profile ID is made of; anything else in the file (edited by hand) is not offered to a shell. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");

    /** The file: under XDG_CACHE_HOME, else ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows, else ~/.cache. */
    public static Path file(Environment env) {
        String xdg = env.nonBlank("XDG_CACHE_HOME");
        Path base = xdg != null ? Path.of(xdg)
                : env.os() == Environment.Os.MACOS ? env.home().resolve("Library/Caches")
                : env.os() == Environment.Os.WINDOWS && env.nonBlank("LOCALAPPDATA") != null
                        ? Path.of(env.nonBlank("LOCALAPPDATA"))
                : env.home().resolve(".cache");
        return base.resolve("bedrock-setup").resolve("model-ids");
    }

    /** Replaces the lines of the regions read live with their active profiles; other regions' lines stay. */
    public static void remember(Environment env, Collection<Catalogue> catalogues) {
        Map<String, TreeSet<String>> byRegion = read(env);
        boolean changed = false;
        for (Catalogue c : catalogues) {
            if (c == null || c.isFallback()) {
                continue; // a denied listing says nothing about what exists
            }
            TreeSet<String> ids = new TreeSet<>();
            c.profiles().stream().filter(ClaudeProfile::isActive).map(ClaudeProfile::id).forEach(ids::add);
            changed |= !ids.equals(byRegion.put(c.region(), ids));
        }
        if (!changed) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        byRegion.forEach((region, ids) -> ids.forEach(id -> sb.append(region).append('\t').append(id).append('\n')));
        try {
            new AtomicFileWriter().write(file(env), sb.toString().getBytes(StandardCharsets.UTF_8), "rw-------",
                    "rwx------");
        } catch (RuntimeException e) {
            // a cache that cannot be written only means no model completion
        }
    }

    /** Every ID remembered, sorted, each once. */
    public static List<String> ids(Environment env) {
        TreeSet<String> out = new TreeSet<>();
        read(env).values().forEach(out::addAll);
        return List.copyOf(out);
    }

    private static Map<String, TreeSet<String>> read(Environment env) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        try {
            // TextFile reads regular files only: a FIFO or device here must not hang a TAB press
            String text = TextFile.readOrNull(file(env));
            for (String line : text == null ? List.<String>of() : text.lines().toList()) {
                int tab = line.indexOf('\t');
                if (tab > 0 && SHELL_SAFE.matcher(line.substring(tab + 1)).matches()) {
                    out.computeIfAbsent(line.substring(0, tab), r -> new TreeSet<>()).add(line.substring(tab + 1));
                }
            }
        } catch (RuntimeException e) {
            // no cache yet, or not readable: nothing remembered
        }
        return out;
    }
}
