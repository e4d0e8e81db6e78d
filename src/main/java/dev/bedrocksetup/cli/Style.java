package dev.bedrocksetup.cli;

import dev.bedrocksetup.core.Environment;

/**
 * Forwards to {@link dev.bedrocksetup.core.Style}, which moved to core so the doctor (below cli) can render with it.
 *
 * @deprecated kept only so wizard/TerminalPrompter (the engine branch's file) compiles; once engine is merged,
 *     CliContext.style and TerminalPrompter take core.Style, this class goes, and so does its entry in
 *     LayersTest's allow-list.
 */
@Deprecated
public final class Style extends dev.bedrocksetup.core.Style {
    private Style(dev.bedrocksetup.core.Style style) {
        super(style.isColor(), style.isUnicode());
    }

    public static Style plain() {
        return new Style(dev.bedrocksetup.core.Style.plain());
    }

    public static Style colored() {
        return new Style(dev.bedrocksetup.core.Style.colored());
    }

    public static Style ascii() {
        return new Style(dev.bedrocksetup.core.Style.ascii());
    }

    public static Style detect(Environment env, boolean terminal, boolean noColorFlag, String consoleEncoding) {
        return new Style(dev.bedrocksetup.core.Style.detect(env, terminal, noColorFlag, consoleEncoding));
    }
}
