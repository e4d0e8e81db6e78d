package dev.bedrocksetup.testing;

import dev.bedrocksetup.cli.BedrockSetup;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.standin.IssuedCredentials;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A throw-away home directory and a way to run the CLI in it, capturing both streams. */
public final class TempHome {
    public final Path home;
    public final Map<String, String> vars = new HashMap<>();

    public TempHome(Path dir) {
        this.home = dir;
        vars.put("HOME", dir.toString());
        // never let a test reach the machine's real managed settings (/etc/claude-code/...)
        vars.put("BEDROCK_SETUP_MANAGED_SETTINGS", dir.resolve("managed/managed-settings.json").toString());
        vars.put("PATH", "/usr/bin:/bin");
    }

    public Environment env() {
        return Environment.forTest(home, vars);
    }

    /** Writes ~/.aws/config with an IAM Identity Center profile (sso-session "corp") for each name. */
    public TempHome ssoProfiles(String... names) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append("[profile ").append(n).append("]\nsso_session = corp\nsso_account_id = " + Examples.ACCOUNT + "\n")
                    .append("sso_role_name = Dev\nregion = us-west-2\n\n");
        }
        sb.append("[sso-session corp]\nsso_start_url = " + Examples.START_URL + "\nsso_region = us-east-1\n")
                .append("sso_registration_scopes = sso:account:access\n");
        write(".aws/config", sb.toString());
        return this;
    }

    /** Appends a legacy IAM Identity Center profile (start URL in the profile, no sso-session) to ~/.aws/config. */
    public TempHome legacySsoProfile(String name) throws IOException {
        return append(".aws/config", "\n[profile " + name + "]\nsso_start_url = " + Examples.START_URL + "\n"
                + "sso_region = us-east-1\nsso_account_id = " + Examples.ACCOUNT + "\nsso_role_name = Dev\n");
    }

    /** Writes ~/.aws/credentials with these keys (and their session token, if any) as {@code profile}. */
    public TempHome credentials(String profile, IssuedCredentials keys) throws IOException {
        write(".aws/credentials", "[" + profile + "]\naws_access_key_id = " + keys.accessKeyId()
                + "\naws_secret_access_key = " + keys.secretAccessKey() + "\n"
                + (keys.sessionToken() == null ? "" : "aws_session_token = " + keys.sessionToken() + "\n"));
        return this;
    }

    public Path userSettings() {
        return home.resolve(".claude/settings.json");
    }

    public Path write(String relative, String content) throws IOException {
        Path p = home.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** Adds to the end of a file in the home, as a user adding a section by hand would. */
    public TempHome append(String relative, String content) throws IOException {
        Path p = home.resolve(relative);
        write(relative, (Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "") + content);
        return this;
    }

    public String read(String relative) throws IOException {
        return Files.readString(home.resolve(relative), StandardCharsets.UTF_8);
    }

    /** The outcome of one CLI run. */
    public static final class Run {
        public final int exit;
        public final String out;
        public final String err;

        Run(int exit, String out, String err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public Run run(String... args) {
        return runWithInput("", args);
    }

    public Run runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BedrockSetup.run(env(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err,
                false, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
