package dev.bedrocksetup.awsconfig;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.TerminalText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks every value before it is written into ~/.aws/config, so that what we write is read the same way by the
 * AWS CLI, the Java SDK and the JavaScript SDK (reference section 7: names in [A-Za-z0-9_.-], no whitespace, no
 * inline-comment markers, no line breaks). Bad input is a usage error (exit 2) with a one-line fix.
 */
public final class SsoInputValidation {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    // IAM role and permission-set names: letters, digits and + = , . @ _ -
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,64}");
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]+");

    private SsoInputValidation() {}

    public static String profileName(String name) {
        return name(name, "profile name", "--profile");
    }

    public static String sessionName(String name) {
        return name(name, "sso-session name", "--sso-session");
    }

    private static String name(String name, String what, String option) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw BedrockSetupException.usage(option + " " + TerminalText.quote(name) + " is not a " + what
                            + " every AWS tool reads: only letters, digits, '_', '.' and '-', at most 128",
                    "choose a " + what + " like 'bedrock' or 'my-sso' (" + option + ")");
        }
        return name;
    }

    /** An IAM Identity Center start URL: https, a host, no spaces (e.g. https://example.awsapps.com/start). */
    public static String startUrl(String url) {
        String fix = "use the AWS access portal URL, e.g. https://example.awsapps.com/start";
        if (url == null || !URL_SAFE.matcher(url).matches()) {
            throw BedrockSetupException.usage("invalid SSO start URL " + TerminalText.quote(url), fix);
        }
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getHost().isEmpty()
                    || uri.getUserInfo() != null) {
                throw BedrockSetupException.usage("invalid SSO start URL " + TerminalText.quote(url)
                        + ": it must be an https URL with a host name", fix);
            }
            if (uri.getHost().toLowerCase(Locale.ROOT).endsWith(".awsapps.com")
                    && !uri.getPath().startsWith("/start")) {
                throw BedrockSetupException.usage("invalid SSO start URL " + TerminalText.quote(url)
                        + ": an awsapps.com portal URL ends in /start", fix);
            }
        } catch (URISyntaxException e) {
            throw BedrockSetupException.usage("invalid SSO start URL " + TerminalText.quote(url), fix);
        }
        return url;
    }

    /**
     * A warning for a start URL whose host is not an AWS access portal (*.awsapps.com, or the *.app.aws form), or
     * null. Not refused: an organisation may hand out another address that leads to its portal, and the login itself
     * happens at IAM Identity Center's own endpoint. But a start URL from a preset or a colleague should look right.
     */
    public static String unfamiliarPortal(String url) {
        String host;
        try {
            host = new URI(url).getHost();
        } catch (URISyntaxException e) {
            return null; // startUrl() refuses it
        }
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".awsapps.com") || h.endsWith(".app.aws")) {
            return null;
        }
        return "the start URL's host " + TerminalText.quote(host) + " is not an AWS access portal (*.awsapps.com or "
                + "*.app.aws); check that it is your organisation's";
    }

    public static String region(String region, String what) {
        if (region == null || !REGION.matcher(region).matches()) {
            throw BedrockSetupException.usage("invalid " + what + " " + TerminalText.quote(region),
                    "use a region code like us-east-1 or eu-central-1");
        }
        return region;
    }

    public static String accountId(String id) {
        if (id == null || !ACCOUNT.matcher(id).matches()) {
            throw BedrockSetupException.usage("invalid AWS account ID " + TerminalText.quote(id)
                            + ": it has exactly 12 digits",
                    "use the 12-digit account ID, e.g. 111122223333");
        }
        return id;
    }

    public static String roleName(String role) {
        if (role == null || !ROLE.matcher(role).matches()) {
            throw BedrockSetupException.usage("invalid role name " + TerminalText.quote(role),
                    "use the permission set's role name, e.g. BedrockUser (letters, digits and +=,.@_-)");
        }
        return role;
    }
}
