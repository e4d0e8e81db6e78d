package dev.bedrocksetup.cli;

import picocli.CommandLine.Option;

/** --json: the result as JSON on stdout for scripts; notes, if any, stay on stderr. Declared once (picocli @Mixin). */
final class JsonOption {
    @Option(names = "--json", description = "Print the result as JSON on stdout, and no explanation.")
    boolean on;

    boolean on() {
        return on;
    }
}
