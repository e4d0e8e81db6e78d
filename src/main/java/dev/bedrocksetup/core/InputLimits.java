package dev.bedrocksetup.core;

/**
 * How long a value from outside may be, checked before any work is done with it. No profile name, region, model ID,
 * URL, session name or path is anywhere near {@link #MAX_VALUE} characters; a longer one is a mistake or an attack,
 * and checking it first keeps every later step (patterns, messages, secret masking) short whatever was given.
 */
public final class InputLimits {
    private InputLimits() {}

    /** The longest argument or preset value accepted: a path (PATH_MAX is 4096 on Linux) or URL fits. */
    public static final int MAX_VALUE = 4096;

    public static final String FIX = "give names, regions, model IDs, URLs and paths of at most " + MAX_VALUE
            + " characters";

    /** A one-line refusal for the first argument longer than {@link #MAX_VALUE}, or null when all fit. */
    public static String firstTooLong(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i] != null && args[i].length() > MAX_VALUE) {
                return "argument " + (i + 1) + " " + TerminalText.quote(args[i]) + " is longer than " + MAX_VALUE
                        + " characters";
            }
        }
        return null;
    }

    /** Refuses (exit 2) a value longer than {@link #MAX_VALUE}; {@code what} names where it came from. */
    public static String require(String what, String value) {
        if (value != null && value.length() > MAX_VALUE) {
            throw BedrockSetupException.usage(what + " " + TerminalText.quote(value) + " is longer than " + MAX_VALUE
                    + " characters", FIX);
        }
        return value;
    }
}
