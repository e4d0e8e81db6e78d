package dev.bedrocksetup.core;

/** The exit codes of the command-line contract (shared/design/cli-contract.md). */
public final class ExitCode {
    private ExitCode() {}

    /** Success; doctor/verify found nothing wrong. */
    public static final int OK = 0;
    /** doctor/verify found problems. */
    public static final int PROBLEMS_FOUND = 1;
    /** Bad usage or bad input. */
    public static final int USAGE = 2;
    /** Local environment problem: unparseable or unwritable file, permissions, lock held. */
    public static final int LOCAL = 3;
    /** AWS or network error. */
    public static final int AWS = 4;
    /** Interrupted by the user; nothing was written. */
    public static final int INTERRUPTED = 130;
}
