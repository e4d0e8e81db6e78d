package dev.bedrocksetup.cli;

import picocli.CommandLine.Option;

/** How a login shows itself: declared once for `login` and for `init`, which logs in when it creates a profile. */
final class LoginOptions {
    @Option(names = "--use-device-code", description = "Log in with the device-code flow (for machines without a browser).")
    boolean deviceCode;

    @Option(names = "--no-browser", description = "Print the login URL instead of opening a browser.")
    boolean noBrowser;
}
