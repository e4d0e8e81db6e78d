package dev.bedrocksetup.aws;

import dev.bedrocksetup.core.Trace;
import java.util.List;
import java.util.Set;

/**
 * Start-up for the commands that call AWS: before its first request such a command spends a few hundred
 * milliseconds of CPU on things every AWS call needs whatever the answer to it — the SDK's table of every service's
 * metadata (read by every client build), the JVM's trust store (read by any HTTPS client, ~0.2 s on a small
 * machine), the XML reader STS answers are parsed with. Done on a second thread from the first instant, that work
 * overlaps with argument parsing and reading the settings instead of coming after them (docs/performance.md).
 * Nothing is changed that the command does not also do; a failure here is ignored and met again where it matters.
 */
public final class Warmup {
    private Warmup() {}

    /** The commands that call AWS from their start. */
    private static final Set<String> CALLING_AWS = Set.of("doctor", "verify", "models", "policy", "login",
            "export-credentials");
    /**
     * init (alias setup) calls AWS from its start only with --yes. The wizard asks first: a warm-up started with the
     * process took the second core's CPU from its first question (about 1 s of CPU under load, before the question
     * was drawn), so the wizard starts it once that question is on screen ({@link #start()}), while the user reads.
     */
    private static final Set<String> INIT = Set.of("init", "setup");
    private static final List<String> NOT_CALLING = List.of("--offline", "--help", "-h", "--version", "-V",
            "--demo");

    /** Whether the arguments name a command that will call AWS. */
    static boolean callsAws(String[] args) {
        if (args.length == 0 || !(CALLING_AWS.contains(args[0]) || INIT.contains(args[0]))) {
            return false;
        }
        boolean yes = false;
        for (String a : args) {
            if ("--".equals(a)) {
                break;
            }
            if (NOT_CALLING.contains(a)) {
                return false;
            }
            yes |= "--yes".equals(a);
        }
        return yes || !INIT.contains(args[0]);
    }

    /** Starts the warm-up on a daemon thread when the command will call AWS; returns at once. */
    public static void startFor(String[] args) {
        if (callsAws(args)) {
            start();
        }
    }

    /** Starts the warm-up on a daemon thread; returns at once. */
    public static void start() {
        Thread t = new Thread(Warmup::warm, "warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void warm() {
        try {
            // first what every SDK client's build waits for (the table's class initialisation, ~0.1 s of CPU, which
            // the doctor's clients, built from the first instant, would otherwise wait on while the trust store is read)
            software.amazon.awssdk.regions.ServiceMetadata.of("bedrock");
            Trace.mark("warm-up: service metadata read");
            javax.net.ssl.SSLContext.getDefault();
            Trace.mark("warm-up: trust store read");
            javax.xml.stream.XMLInputFactory.newInstance();
            Trace.mark("warm-up: XML reader made");
        } catch (Exception | LinkageError ignored) {
            // the command meets the same problem where it matters, with a message for it
        }
    }
}
