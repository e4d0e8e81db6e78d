package dev.bedrocksetup.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A fish completion script built from the picocli model, so it never drifts from the real options (picocli itself
 * only generates bash; {@link ShellCompletion} does zsh). Profiles and model IDs are asked for at TAB time.
 */
final class FishCompletion {
    private FishCompletion() {}

    static String script(CommandLine top) {
        CommandSpec root = top.getCommandSpec();
        String cmd = root.name();
        StringBuilder s = new StringBuilder();
        s.append("# fish completion for ").append(cmd).append(", generated from its command model.\n");
        s.append("# Install: ").append(cmd).append(" completion fish > ~/.config/fish/completions/")
                .append(cmd).append(".fish\n");
        // nothing here takes a file unless an option says so
        s.append("complete -c ").append(cmd).append(" -f\n\n");

        List<String> visibleNames = new ArrayList<>();
        for (CommandLine sub : uniqueSubcommands(top)) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.usageMessage().hidden()) {
                continue;
            }
            visibleNames.add(spec.name());
            s.append("complete -c ").append(cmd).append(" -n __fish_use_subcommand -a ").append(spec.name())
                    .append(describe(summary(spec))).append('\n');
        }
        for (OptionSpec o : root.options()) {
            option(s, cmd, "__fish_use_subcommand", o);
        }
        for (CommandLine sub : uniqueSubcommands(top)) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.usageMessage().hidden()) {
                continue;
            }
            String condition = "'__fish_seen_subcommand_from " + String.join(" ", spec.names()) + "'";
            s.append('\n');
            for (OptionSpec o : spec.options()) {
                option(s, cmd, condition, o);
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                List<String> values = candidates(p);
                if (spec.userObject() instanceof CommandLine.HelpCommand) {
                    values = visibleNames;
                }
                if (!values.isEmpty()) {
                    s.append("complete -c ").append(cmd).append(" -n ").append(condition).append(" -a ")
                            .append(quote(String.join(" ", values))).append(describe(p.description())).append('\n');
                } else if (takesPath(p)) {
                    s.append("complete -c ").append(cmd).append(" -n ").append(condition).append(" -F\n");
                }
            }
        }
        return s.toString();
    }

    /** Each subcommand once, although picocli lists it under its name and every alias. */
    static List<CommandLine> uniqueSubcommands(CommandLine top) {
        List<CommandLine> out = new ArrayList<>();
        for (CommandLine sub : top.getSubcommands().values()) {
            if (!out.contains(sub)) {
                out.add(sub);
            }
        }
        return out;
    }

    private static void option(StringBuilder s, String cmd, String condition, OptionSpec o) {
        if (o.hidden()) {
            return;
        }
        s.append("complete -c ").append(cmd).append(" -n ").append(condition);
        for (String name : o.names()) {
            if (name.startsWith("--")) {
                s.append(" -l ").append(name.substring(2));
            } else if (name.startsWith("-") && name.length() == 2) {
                s.append(" -s ").append(name.charAt(1));
            } else {
                s.append(" -o ").append(name.substring(1));
            }
        }
        if (o.arity().max() > 0) {
            List<String> values = candidates(o);
            String kind = CompletionValues.READ_WHEN_COMPLETING.get(o.longestName());
            if (kind != null) {
                // read at TAB time: profiles and model IDs change after the script is installed
                s.append(" -x -a ").append(quote("(" + cmd + " completion --values " + kind + " 2>/dev/null)"));
            } else if (!values.isEmpty()) {
                s.append(" -x -a ").append(quote(String.join(" ", values)));
            } else if (takesPath(o)) {
                s.append(" -r -F");
            } else {
                s.append(" -x");
            }
        }
        s.append(describe(o.description())).append('\n');
    }

    static List<String> candidates(ArgSpec a) {
        List<String> out = new ArrayList<>();
        if (a.completionCandidates() != null) {
            a.completionCandidates().forEach(out::add);
        }
        return out;
    }

    static boolean takesPath(ArgSpec a) {
        return Path.class.isAssignableFrom(a.type()) || File.class.isAssignableFrom(a.type());
    }

    /** A command's one-line summary: its header when it has one (picocli's help does), else its description. */
    static String[] summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        return header != null && header.length > 0 ? header : spec.usageMessage().description();
    }

    private static String describe(String[] description) {
        String text = firstLine(description);
        return text.isEmpty() ? "" : " -d " + quote(text);
    }

    /** The first non-blank line of a description ("" when there is none). */
    static String firstLine(String[] description) {
        if (description != null) {
            for (String line : description) {
                String text = line.replace("%n", " ").strip();
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    /** A fish single-quoted string: only the backslash and the quote itself need escaping there. */
    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
