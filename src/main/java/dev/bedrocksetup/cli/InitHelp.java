package dev.bedrocksetup.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.OptionSpec;

/**
 * `init --help` with its options under headings. The grouping is a table of option names rendered in place of
 * picocli's one option list, not picocli argument groups: options stay where they are declared (in mixins shared with
 * other commands, and in blocks several branches add to), and an option missing from the table still shows, under
 * "Other options", while {@code InitHelpTest} names it (decision 0038).
 */
final class InitHelp {
    private InitHelp() {}

    /** Heading → the options under it (by longest name), in the order shown. */
    static final Map<String, List<String>> GROUPS = groups();

    static final String OTHER = "Other options";

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("Profile and login", List.of("--profile", "--sso-start-url", "--sso-region", "--sso-session",
                "--account-id", "--role-name", "--use-device-code", "--no-browser", "--skip-login", "--access-key-id",
                "--secret-access-key-stdin"));
        g.put("Region and models", List.of("--region", "--model", "--opus-model", "--sonnet-model", "--haiku-model",
                "--fable-model", "--default-model", "--region-prefix", "--service-tier", "--prompt-caching",
                "--max-output-tokens", "--max-thinking-tokens", "--skip-probe"));
        g.put("Credentials Claude Code uses", List.of("--auth", "--credentials", "--auth-refresh",
                "--scrub-subprocess-env", "--skip-aws-cred-cache", "--aws-chain-timeout-ms", "--no-auth-refresh-lock"));
        g.put("Where to write", List.of("--scope", "--project-dir", "--vscode", "--managed-fragment"));
        g.put("Team policy (managed scope only)", List.of("--allow-model", "--enforce-models"));
        g.put("Automation", List.of("--yes", "--dry-run", "--preset", "--demo"));
        g.put("General", List.of("--help", "--version", "--no-color", "--verbose"));
        return g;
    }

    /** Makes {@code init}'s help render its options grouped. */
    static void install(CommandLine init) {
        init.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, InitHelp::options);
    }

    /** The options of {@code init} that no heading lists. */
    static List<String> ungrouped(List<OptionSpec> options) {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : options) {
            if (!o.hidden() && GROUPS.values().stream().noneMatch(g -> g.contains(o.longestName()))) {
                out.add(o.longestName());
            }
        }
        return out;
    }

    private static String options(Help help) {
        List<OptionSpec> all = help.commandSpec().options();
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
            List<OptionSpec> in = new ArrayList<>();
            for (String name : group.getValue()) {
                all.stream().filter(o -> o.longestName().equals(name) && !o.hidden()).findFirst().ifPresent(in::add);
            }
            section(help, sb, group.getKey(), in);
        }
        List<String> rest = ungrouped(all);
        section(help, sb, OTHER, all.stream().filter(o -> rest.contains(o.longestName())).toList());
        return sb.toString();
    }

    private static void section(Help help, StringBuilder sb, String heading, List<OptionSpec> options) {
        if (options.isEmpty()) {
            return;
        }
        Help.Layout layout = help.createDefaultLayout();
        for (OptionSpec o : options) {
            layout.addOption(o, help.parameterLabelRenderer());
        }
        sb.append(help.createHeading("%n" + heading + ":%n")).append(layout);
    }
}
