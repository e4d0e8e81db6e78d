package dev.bedrocksetup.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Claude Code for a test class: {@link ClaudeCode#installed(String)} once per test run (the first class
 * that asks installs it from npm; the others reuse it). Where the binary cannot be had, the class ends as
 * {@link ClaudeCode#installed()} decides, unchanged: skipped on a developer machine without npm, failed in CI and on
 * a machine with Claude Code managed settings. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ClaudeCodeExtension claude = new ClaudeCodeExtension();
 * ...
 * ClaudeCode.Result r = claude.get().print("Say hello.", aws.home().home, project, aws.baseUri(), TIMEOUT);
 * }</pre>
 */
public final class ClaudeCodeExtension implements BeforeAllCallback {
    /** Installed versions of this run, so a class after the first does not ask npm again. */
    private static final Map<String, ClaudeCode> INSTALLED = new ConcurrentHashMap<>();

    private final String version;
    private ClaudeCode claude;

    /** The pinned {@value ClaudeCode#VERSION}. */
    public ClaudeCodeExtension() {
        this(ClaudeCode.VERSION);
    }

    /** Any published version (e.g. {@link ClaudeCode#requestedVersion()}). */
    public ClaudeCodeExtension(String version) {
        this.version = version;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // not computeIfAbsent: a skipped or failed install must not be remembered, and installing may take minutes
        ClaudeCode known = INSTALLED.get(version);
        if (known == null) {
            known = ClaudeCode.installed(version);
            INSTALLED.put(version, known);
        }
        claude = known;
    }

    /** The installed Claude Code. */
    public ClaudeCode get() {
        if (claude == null) {
            throw new IllegalStateException("Claude Code is installed before the class's tests: register "
                    + "ClaudeCodeExtension with @RegisterExtension on a static field");
        }
        return claude;
    }
}
