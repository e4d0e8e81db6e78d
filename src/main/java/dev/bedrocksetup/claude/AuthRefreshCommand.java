package dev.bedrocksetup.claude;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The awsAuthRefresh commands bedrock-setup writes — {@code <bedrock-setup> login --profile P} and
 * {@code aws sso login --profile P} — recognised again, so that switching profiles moves the refresh along with
 * AWS_PROFILE instead of leaving it renewing the old profile's login.
 */
public final class AuthRefreshCommand {
    private AuthRefreshCommand() {}

    private static final Pattern OURS = Pattern.compile(
            "^(?:(?:'[^']*bedrock-setup'|\\S*bedrock-setup) login|aws sso login) --profile (\\S+)$");
    private static final Pattern PROFILE = Pattern.compile("--profile[ =](\\S+)");

    /** The profile a command of ours logs in, or null when the command is not one bedrock-setup writes. */
    public static String oursFor(String command, String selfCommand) {
        if (command == null) {
            return null;
        }
        String c = command.trim();
        String self = selfCommand + " login --profile ";
        if (c.startsWith(self) && c.indexOf(' ', self.length()) < 0) {
            return c.substring(self.length());
        }
        Matcher m = OURS.matcher(c);
        return m.matches() ? m.group(1) : null;
    }

    /** The profile any command names with --profile, or null. */
    public static String profileNamed(String command) {
        Matcher m = command == null ? null : PROFILE.matcher(command);
        return m != null && m.find() ? m.group(1) : null;
    }
}
