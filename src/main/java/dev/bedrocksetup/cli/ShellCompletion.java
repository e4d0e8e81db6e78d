package dev.bedrocksetup.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The bash and zsh completion scripts, built from the picocli model so they never drift from the real options. Fixed
 * values (scopes, regions) are written into the script; profiles and model IDs change after it is installed, so the
 * script asks `bedrock-setup completion --values KIND` for them at TAB time
 * ({@link CompletionValues#READ_WHEN_COMPLETING}).
 */
final class ShellCompletion {
    private ShellCompletion() {}

    /** picocli's bash script, with a front function that completes the values read when completing. */
    static String bash(CommandLine top) {
        String cmd = top.getCommandSpec().name();
        StringBuilder s = new StringBuilder(AutoComplete.bash(cmd, top));
        s.append("\n# Values that change after this script is installed (profiles, model IDs) are asked for at TAB "
                + "time.\n");
        s.append("function _bedrock-setup_complete() {\n");
        s.append("  local prev_word=${COMP_WORDS[COMP_CWORD-1]}\n");
        s.append("  local kind\n");
        s.append("  case ${prev_word} in\n");
        for (Map.Entry<String, String> e : CompletionValues.READ_WHEN_COMPLETING.entrySet()) {
            s.append("    '").append(e.getKey()).append("') kind=").append(e.getValue()).append(" ;;\n");
        }
        s.append("    *) _complete_bedrock-setup; return $? ;;\n");
        s.append("  esac\n");
        s.append("  local IFS=$'\\n'\n");
        s.append("  COMPREPLY=( $(compgen -W \"$(\"${COMP_WORDS[0]}\" completion --values \"${kind}\" 2>/dev/null)\""
                + " -- \"${COMP_WORDS[COMP_CWORD]}\") )\n");
        s.append("}\n");
        s.append("complete -F _bedrock-setup_complete -o default ").append(cmd).append('\n');
        return s.toString();
    }

    /** A zsh script (compdef and _arguments): works from $fpath as _bedrock-setup or sourced. */
    static String zsh(CommandLine top) {
        CommandSpec root = top.getCommandSpec();
        String cmd = root.name();
        String fn = "_" + cmd;
        StringBuilder s = new StringBuilder();
        s.append("#compdef ").append(cmd).append('\n');
        s.append("# zsh completion for ").append(cmd).append(", generated from its command model.\n");
        s.append("# Install: ").append(cmd).append(" completion zsh > \"${fpath[1]}/").append(fn)
                .append("\" (or in ~/.zshrc, after compinit: source <(").append(cmd).append(" completion zsh))\n\n");
        s.append("# profiles and model IDs change after this script is installed: asked for at TAB time\n");
        s.append(fn).append("_values() {\n");
        s.append("  local -a values\n");
        s.append("  values=(${(f)\"$(${_bedrock_setup_self:-").append(cmd)
                .append("} completion --values $1 2>/dev/null)\"})\n");
        s.append("  compadd -a values\n");
        s.append("}\n\n");
        s.append(fn).append("() {\n");
        s.append("  local _bedrock_setup_self=$words[1]\n");
        s.append("  local -a commands\n");
        s.append("  commands=(\n");
        List<CommandLine> subs = FishCompletion.uniqueSubcommands(top);
        for (CommandLine sub : subs) {
            CommandSpec spec = sub.getCommandSpec();
            if (!spec.usageMessage().hidden()) {
                for (String name : spec.names()) {
                    s.append("    ").append(quote(name + ":" + FishCompletion.firstLine(
                            FishCompletion.summary(spec)).replace(":", "\\:"))).append('\n');
                }
            }
        }
        s.append("  )\n");
        s.append("  if (( CURRENT == 2 )); then\n");
        s.append("    _describe -t commands '").append(cmd).append(" command' commands\n");
        s.append("    return\n");
        s.append("  fi\n");
        s.append("  local sub=$words[2]\n");
        s.append("  shift words\n");
        s.append("  (( CURRENT-- ))\n");
        s.append("  case $sub in\n");
        for (CommandLine sub : subs) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.usageMessage().hidden()) {
                continue;
            }
            s.append("    (").append(String.join("|", spec.names())).append(")\n");
            s.append("      _arguments -s");
            for (OptionSpec o : spec.options()) {
                if (!o.hidden()) {
                    s.append(" \\\n        ").append(optionSpec(o));
                }
            }
            int position = 1;
            for (PositionalParamSpec p : spec.positionalParameters()) {
                List<String> values = spec.userObject() instanceof CommandLine.HelpCommand ? names(subs)
                        : FishCompletion.candidates(p);
                String action = values.isEmpty() ? " " : "(" + String.join(" ", values) + ")";
                s.append(" \\\n        ").append(quote((p.arity().max() > 1 ? "*" : position + "") + ":"
                        + label(p) + ":" + action));
                position++;
            }
            s.append("\n      ;;\n");
        }
        s.append("  esac\n");
        s.append("}\n\n");
        s.append("if [[ $zsh_eval_context[-1] == loadautofunc ]]; then\n");
        s.append("  ").append(fn).append(" \"$@\"\n");
        s.append("else\n");
        s.append("  compdef ").append(fn).append(' ').append(cmd).append('\n');
        s.append("fi\n");
        return s.toString();
    }

    /**
     * One _arguments spec as a shell word: '--name=[description]:LABEL:action', '--flag[description]', and for an
     * option with several names '(-h --help)'{-h,--help}'[description]' (the braces unquoted, so zsh expands them).
     */
    private static String optionSpec(OptionSpec o) {
        String description = "[" + bracketed(FishCompletion.firstLine(o.description())) + "]";
        String rest = description;
        if (o.arity().max() > 0) {
            String kind = CompletionValues.READ_WHEN_COMPLETING.get(o.longestName());
            List<String> values = FishCompletion.candidates(o);
            String action = kind != null ? "_bedrock-setup_values " + kind
                    : !values.isEmpty() ? "(" + String.join(" ", values) + ")"
                    : FishCompletion.takesPath(o) ? "_files" : " ";
            rest = description + ":" + label(o) + ":" + action;
        }
        String repeat = o.isMultiValue() ? "*" : "";
        if (o.names().length == 1) {
            return quote(repeat + o.names()[0] + (o.arity().max() > 0 ? "=" : "") + rest);
        }
        return quote(repeat + "(" + String.join(" ", o.names()) + ")") + "{" + String.join(",", o.names()) + "}"
                + quote(rest);
    }

    private static List<String> names(List<CommandLine> subs) {
        List<String> out = new ArrayList<>();
        for (CommandLine sub : subs) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                out.add(sub.getCommandSpec().name());
            }
        }
        return out;
    }

    private static String label(ArgSpec a) {
        return a.paramLabel().replaceAll("[^A-Za-z0-9_|-]", "");
    }

    /** Text inside an _arguments [description]: brackets and backslashes escaped. */
    private static String bracketed(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:");
    }

    /** A zsh single-quoted word (a quote inside closes, escapes and reopens). */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
