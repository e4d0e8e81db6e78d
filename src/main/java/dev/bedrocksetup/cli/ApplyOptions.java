package dev.bedrocksetup.cli;

import picocli.CommandLine.Option;

/**
 * --yes and --dry-run, for every command that changes files (init, reset, doctor --fix); declared once (picocli
 * @Mixin) so they mean the same everywhere: --yes never asks, --dry-run shows the diff and writes nothing.
 */
final class ApplyOptions {
    @Option(names = "--yes", description = "Never ask: apply without confirmation, and fail naming a missing answer.")
    boolean yes;

    @Option(names = "--dry-run", description = "Print what would change (a unified diff) and write nothing.")
    boolean dryRun;

    boolean yes() {
        return yes;
    }

    boolean dryRun() {
        return dryRun;
    }
}
