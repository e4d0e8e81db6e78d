package dev.bedrocksetup.cli;

import dev.bedrocksetup.sso.Browser;

/** Lets tests outside this package play the browser for `login` and `init`. */
public final class LoginBrowserHook {
    private LoginBrowserHook() {}

    public static void use(Browser b) {
        CliContext.browserSeam = b;
    }
}
