package dev.bedrocksetup.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The root command's help text as picocli renders it, stored as a resource (plain and coloured). */
final class RootHelp {
    private RootHelp() {}

    static final String PLAIN = "/dev/bedrocksetup/cli/root-help.txt";
    static final String COLOR = "/dev/bedrocksetup/cli/root-help.ansi";

    /** The stored text, or null when it is missing (then picocli renders it). */
    static String stored(boolean color) {
        try (InputStream in = RootHelp.class.getResourceAsStream(color ? COLOR : PLAIN)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
