package dev.bedrocksetup.core;

import java.time.Duration;

/**
 * How long bedrock-setup waits for things it does not control: AWS calls, the programs it runs
 * (credential_process, awsCredentialExport, claude) and a preset's download. Each has a default deadline where it is
 * used; a variable for each change them for a whole run, for a slow network or a helper that waits for a hardware key — and for tests.
 * Messages say the deadline in the words of {@link #describe}.
 */
public final class Deadlines {
    private Deadlines() {}

    /** Seconds every AWS call may take (each call's own default otherwise: 10 to 60 s). */
    public static final String AWS_VARIABLE = "BEDROCK_SETUP_AWS_TIMEOUT";
    /** Seconds a credential_process or awsCredentialExport program may take (default {@link #HELPER_DEFAULT}). */
    public static final String HELPER_VARIABLE = "BEDROCK_SETUP_HELPER_TIMEOUT";
    /** A helper gets this long unless {@link #HELPER_VARIABLE} says otherwise: enough to touch a hardware key. */
    public static final Duration HELPER_DEFAULT = Duration.ofSeconds(60);

    /** Seconds fetching a preset from a URL may take in all: connecting, TLS, headers and body. */
    public static final String PRESET_VARIABLE = "BEDROCK_SETUP_PRESET_TIMEOUT";
    /** A preset is a few hundred bytes: a server that has not sent it in this long is not going to. */
    public static final Duration PRESET_DEFAULT = Duration.ofSeconds(30);

    /** The deadline of a preset download: {@link #PRESET_DEFAULT}, or what {@link #PRESET_VARIABLE} says. */
    public static Duration preset(Environment env) {
        return read(env, PRESET_VARIABLE, PRESET_DEFAULT);
    }

    /** The deadline of an AWS call: {@code dflt}, or what {@link #AWS_VARIABLE} says. */
    public static Duration aws(Environment env, Duration dflt) {
        return read(env, AWS_VARIABLE, dflt);
    }

    /** The deadline of a helper program: {@link #HELPER_DEFAULT}, or what {@link #HELPER_VARIABLE} says. */
    public static Duration helper(Environment env) {
        return helper(env, HELPER_DEFAULT);
    }

    /** The deadline of a helper program where a shorter default fits (a check that only looks): {@code dflt}. */
    public static Duration helper(Environment env, Duration dflt) {
        return read(env, HELPER_VARIABLE, dflt);
    }

    /** A deadline as a person reads it: "90 s", "3 min", "2 min 50 s" (never "0 min"). */
    public static String describe(Duration d) {
        long s = Math.max(0, (d.toMillis() + 999) / 1000);
        if (s < 120 || (s < 600 && s % 60 != 0)) {
            return s < 120 ? s + " s" : s / 60 + " min " + s % 60 + " s";
        }
        if (s < 7200) {
            return (s + 30) / 60 + " min";
        }
        return (s + 1800) / 3600 + " h";
    }

    private static Duration read(Environment env, String name, Duration dflt) {
        String v = env.nonBlank(name);
        if (v == null) {
            return dflt;
        }
        try {
            double seconds = Double.parseDouble(v.trim());
            if (seconds > 0 && seconds <= 24 * 3600) {
                return Duration.ofMillis((long) (seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw BedrockSetupException.usage(name + " " + TerminalText.quote(v) + " is not a number of seconds",
                "set it to seconds between 1 and 86400, or unset it");
    }
}
